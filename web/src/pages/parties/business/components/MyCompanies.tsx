import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCustomer, useMyCustomers, type MyCustomer } from '../../../../api/parties';

const STATUS_COLORS = { pending: 'yellow', active: 'teal', rejected: 'red', blocked: 'red' } as const;

/**
 * The companies the user is a member of, with where moderation stands. Waiting join requests are
 * the join page's business and are left out here.
 */
export function MyCompanies() {
  const { t } = useTranslation('companies');
  const mine = useMyCustomers();
  if (mine.isError) throw mine.error;
  const companies = (mine.data?.items ?? []).filter((item) => item.customer.kind !== 'individual' && item.status !== 'pending');
  if (companies.length === 0) return null;

  return (
    <Stack gap="sm" component="section" aria-labelledby="my-companies-heading">
      <Title order={2} size="h3" id="my-companies-heading">
        {t('mine.title')}
      </Title>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('mine.list')}>
        {companies.map((membership) => (
          <CompanyCard key={membership.customer.id} membership={membership} />
        ))}
      </Stack>
    </Stack>
  );
}

function CompanyCard({ membership }: { membership: MyCustomer }) {
  const { t } = useTranslation('companies');
  const { customer } = membership;
  const decided = customer.status === 'rejected' || customer.status === 'blocked';
  // The reason is on the customer's own card; only fetched where there is one to show.
  const card = useCustomer(decided ? customer.id : undefined);
  const reason = card.data?.statusReason;

  return (
    <Card withBorder padding="md" component="li" aria-label={customer.name}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {customer.name}
          </Text>
          <Badge color={STATUS_COLORS[customer.status]} variant="light">
            {t(`status.${customer.status}`)}
          </Badge>
        </Group>
        {customer.status === 'pending' && <Text size="sm" c="dimmed">{t('mine.pendingText')}</Text>}
        {customer.status === 'active' && <Text size="sm" c="dimmed">{t('mine.activeText')}</Text>}
        {customer.status === 'rejected' && (
          <>
            {reason && <Text size="sm">{t('mine.rejectedReason', { reason })}</Text>}
            <Text size="sm" c="dimmed">
              {t('mine.rejectedText')}
            </Text>
          </>
        )}
        {customer.status === 'blocked' && reason && <Text size="sm">{t('mine.blockedReason', { reason })}</Text>}
      </Stack>
    </Card>
  );
}
