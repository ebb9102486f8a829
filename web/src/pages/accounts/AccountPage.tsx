import { Anchor, Center, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useOutletContext, useParams } from 'react-router';
import { useAccount, type Account } from '../../api/accounts';
import type { MyCustomer } from '../../api/parties';
import { useCurrentCustomer } from '../../app/current-customer';
import { useFormatMoney } from '../../app/format';
import { accountPath, paths } from '../../app/paths';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { AccountActions } from './components/AccountActions';
import { AccountStatusBadge } from './components/AccountStatusBadge';

/** The account's sections; each module adds its tab here and its route in the router. */
const tabs = [
  { key: 'overview', segment: '' },
  { key: 'tariff', segment: 'tariff' },
  { key: 'services', segment: 'services' },
  { key: 'payments', segment: 'payments' },
  { key: 'history', segment: 'history' },
  { key: 'usage', segment: 'usage' },
  { key: 'blocks', segment: 'blocks' },
] as const;

export interface AccountContext {
  customer: MyCustomer;
  account: Account;
}

/** What the tabs receive: the customer the user acts for (role, permissions) and the account. */
export function useAccountContext(): AccountContext {
  return useOutletContext<AccountContext>();
}

/** One personal account: balance and status on top, its sections below. */
export function AccountPage() {
  const { current } = useCurrentCustomer();
  const { accountId } = useParams<'accountId'>();
  if (!current || !accountId) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  return <AccountOf customer={current} accountId={accountId} key={`${current.customer.id}/${accountId}`} />;
}

function AccountOf({ customer, accountId }: { customer: MyCustomer; accountId: string }) {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const formatMoney = useFormatMoney();
  const account = useAccount(customer.customer.id, accountId);
  const active = [...tabs].reverse().find((tab) => tab.segment !== '' && pathname.endsWith(`/${tab.segment}`)) ?? tabs[0];

  if (account.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  }
  if (account.isError) {
    return (
      <Stack>
        <ApiErrorAlert error={account.error} title={t('account.loadFailed')} onRetry={() => void account.refetch()} />
        <Anchor component={Link} to={paths.accounts}>
          {t('account.back')}
        </Anchor>
      </Stack>
    );
  }

  const title = t('account.title', { number: account.data.number });
  return (
    <Stack gap="lg">
      <PageTitle>{title}</PageTitle>
      <Anchor component={Link} to={paths.accounts} size="sm">
        ← {t('account.back')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1}>{title}</Title>
            <AccountStatusBadge account={account.data} />
          </Group>
          <Text c="dimmed">
            {customer.customer.name} · {t(`kind.${account.data.kind}`)}
          </Text>
        </Stack>
        <Stack gap={0} align="flex-end">
          <Text size="sm" c="dimmed">
            {t('overview.balance')}
          </Text>
          <Text fw={700} size="xl" c={account.data.balance < 0 ? 'red' : undefined} data-testid="account-balance">
            {formatMoney(account.data.balance)}
          </Text>
        </Stack>
      </Group>
      <AccountActions customer={customer} account={account.data} />
      <Tabs value={active.key} onChange={(key) => void navigate(accountPath(accountId, tabs.find((tab) => tab.key === key)?.segment))}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.key} value={tab.key}>
              {t(`tabs.${tab.key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet context={{ customer, account: account.data } satisfies AccountContext} />
    </Stack>
  );
}
