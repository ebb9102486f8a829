import { Badge, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../../api/identity';
import { useQueueCounts, type QueueCounts } from '../../../api/parties';
import { sectionsFor } from '../../../app/backoffice-access';
import { ReauthProvider } from '../../../components/ReauthProvider';

/** The staff's side of the site: one tab per section the user's role may open, one address per tab. */
export function BackofficeLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const me = useMe().data;
  const sections = sectionsFor(me);
  const counts = useQueueCounts(me?.staffRole === 'administrator' || me?.staffRole === 'moderator').data;
  const active = sections.find((section) => pathname.startsWith(section.path));

  return (
    <ReauthProvider>
      <Stack gap="lg">
        <Title order={1}>{t('backoffice.title')}</Title>
        {sections.length > 0 && (
          <Tabs
            value={active?.key ?? null}
            onChange={(key) => {
              const section = sections.find((candidate) => candidate.key === key);
              if (section) void navigate(section.path);
            }}
          >
            <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
              {sections.map((section) => (
                <Tabs.Tab key={section.key} value={section.key} rightSection={<QueueBadge count={counts && queueCount(counts, section.key)} />}>
                  {t(`backoffice.sections.${section.key}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
        )}
        <Outlet />
      </Stack>
    </ReauthProvider>
  );
}

/** The number waiting in a queue section; other sections have none. */
function queueCount(counts: QueueCounts, key: string): number | undefined {
  return key in counts ? counts[key as keyof QueueCounts] : undefined;
}

function QueueBadge({ count }: { count: number | undefined }) {
  if (!count) return null;
  return (
    <Badge size="sm" variant="filled" circle={count < 10}>
      {count}
    </Badge>
  );
}
