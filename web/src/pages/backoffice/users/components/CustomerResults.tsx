import { Anchor, Badge, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCustomerSearch, type CustomerSummary } from '../../../../api/backoffice';
import { useFormatDateTime } from '../../../../app/format';
import { backofficeUserPath } from '../../../../app/paths';
import { MoreButton } from '../../../../components/MoreButton';
import { StatusBadge } from '../../shared/StatusBadge';

export function CustomerResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const search = useCustomerSearch(query);
  if (search.isPending) return <Loader aria-label={t('common.loading')} />;
  if (search.isError) throw search.error;
  const items = search.data.pages.flatMap((page) => page.items);

  if (items.length === 0) {
    return <Text>{query ? t('backoffice.users.nothingFound', { query }) : t('backoffice.users.none')}</Text>;
  }
  return (
    <Stack gap="md">
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('backoffice.users.results')}>
        {items.map((customer) => (
          <CustomerCard key={customer.id} customer={customer} />
        ))}
      </Stack>
      <MoreButton query={search} />
    </Stack>
  );
}

function CustomerCard({ customer }: { customer: CustomerSummary }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();

  return (
    <Card withBorder padding="md" component="li">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} miw={0}>
          <Anchor component={Link} to={backofficeUserPath(customer.id)} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {customer.name}
          </Anchor>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {customer.email}
            {customer.phone ? ` · ${customer.phone}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {t('backoffice.users.registeredAt', { at: formatDateTime(customer.createdAt) })}
          </Text>
        </Stack>
        <Group gap="xs">
          <StatusBadge status={customer.status} />
          {customer.twoFactorEnabled && (
            <Badge color="teal" variant="outline">
              {t('backoffice.twoFactor.on')}
            </Badge>
          )}
        </Group>
      </Group>
    </Card>
  );
}
