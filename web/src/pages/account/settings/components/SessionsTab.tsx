import { Badge, Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEndOtherSessions, useEndSession, useSessions, type AccountSession } from '../../../../api/account';
import { describeDevice } from '../../../../app/device';
import { useFormatDateTime } from '../../../../app/format';
import { FormError } from '../../../../components/forms/FormError';
import { SavedNote } from './SavedNote';

export function SessionsTab() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const endOthers = useEndOtherSessions();
  if (sessions.isPending) return <Loader />;
  if (sessions.isError) throw sessions.error;
  const items = sessions.data.items;
  const others = items.filter((session) => !session.current).length;

  return (
    <Stack gap="md" maw={720}>
      <Text c="dimmed">{t('settings.sessions.intro')}</Text>
      <FormError error={endOthers.error} />
      {endOthers.isSuccess && (
        <SavedNote>{t('settings.sessions.othersEnded', { count: endOthers.data.ended })}</SavedNote>
      )}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('settings.sessions.list')}>
        {items.map((session) => (
          <SessionCard key={session.id} session={session} />
        ))}
      </Stack>
      {others > 0 && (
        <Button variant="light" color="red" w="fit-content" loading={endOthers.isPending} onClick={() => endOthers.mutate()}>
          {t('settings.sessions.endOthers')}
        </Button>
      )}
    </Stack>
  );
}

function SessionCard({ session }: { session: AccountSession }) {
  const { t } = useTranslation();
  const end = useEndSession();
  const formatDateTime = useFormatDateTime();

  return (
    <Card withBorder padding="md" component="li">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
        <Stack gap={2} miw={0}>
          <Group gap="xs">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {session.userAgent ? describeDevice(session.userAgent) : t('settings.sessions.unknownDevice')}
            </Text>
            {session.current && (
              <Badge color="teal" variant="light">
                {t('settings.sessions.current')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('settings.sessions.ip', { ip: session.ip ?? t('settings.sessions.unknownIp') })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('settings.sessions.times', {
              created: formatDateTime(session.createdAt),
              seen: formatDateTime(session.lastSeenAt),
            })}
          </Text>
          <FormError error={end.error} />
        </Stack>
        {!session.current && (
          <Button size="xs" variant="subtle" color="red" loading={end.isPending} onClick={() => end.mutate(session.id)}>
            {t('settings.sessions.end')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
