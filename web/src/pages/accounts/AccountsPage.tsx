import { Alert, Badge, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccounts, type Account } from '../../api/accounts';
import { useCurrentCustomer } from '../../app/current-customer';
import { useFormatMoney } from '../../app/format';
import { accountPath } from '../../app/paths';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { AccountStatusBadge } from './components/AccountStatusBadge';

/** «Лицевые счета» of the customer chosen in the header, each with its balance and status. */
export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const { current, isPending } = useCurrentCustomer();
  const accounts = useAccounts(current?.customer.id);

  return (
    <Stack gap="lg">
      <PageTitle>{t('title')}</PageTitle>
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        {current && <Text c="dimmed">{current.customer.name}</Text>}
      </Stack>
      {isPending || accounts.isPending ? (
        current || isPending ? (
          <Center py="xl">
            <Loader aria-label={t('loading')} />
          </Center>
        ) : (
          <Alert color="blue" variant="light">
            {t('noCustomer')}
          </Alert>
        )
      ) : accounts.isError ? (
        <ApiErrorAlert error={accounts.error} title={t('loadFailed')} onRetry={() => void accounts.refetch()} />
      ) : accounts.data.items.length === 0 ? (
        <Alert color="blue" variant="light" title={t('empty.title')}>
          {t('empty.text')}
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {accounts.data.items.map((account) => (
            <AccountCard key={account.id} account={account} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function AccountCard({ account }: { account: Account }) {
  const { t } = useTranslation('accounts');
  const formatMoney = useFormatMoney();
  return (
    <Card withBorder padding="lg" display="flex" style={{ flexDirection: 'column' }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {t('account.title', { number: account.number })}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`kind.${account.kind}`)}
            {account.contractNumber ? ` · ${t('card.contract', { number: account.contractNumber })}` : ''}
          </Text>
        </Stack>
        <AccountStatusBadge account={account} />
      </Group>
      {account.address && (
        <Text size="sm" mt="xs">
          {account.address}
        </Text>
      )}
      <Group justify="space-between" mt="md" mb="md" flex={1} align="flex-end">
        <Text size="sm" c="dimmed">
          {t('card.balance')}
        </Text>
        <Text fw={700} size="xl" c={account.balance < 0 ? 'red' : undefined} data-testid="account-balance">
          {formatMoney(account.balance)}
        </Text>
      </Group>
      {account.blockedFor.length > 0 && (
        <Badge color="red" variant="light" mb="sm">
          {t('card.blockedFor', { reasons: account.blockedFor.map((reason) => t(`blockReason.${reason}`)).join(', ') })}
        </Badge>
      )}
      <Button component={Link} to={accountPath(account.id)} variant="light" fullWidth>
        {t('card.open')}
      </Button>
    </Card>
  );
}
