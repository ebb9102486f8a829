import { Alert, Anchor, Badge, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useStaffAccountSearch } from '../../../api/promised';
import { useFormatMoney } from '../../../app/format';
import { backofficeAccountPath } from '../../../app/paths';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { SearchForm } from '../shared/SearchForm';
import { DataTable } from '../../../components/DataTable';

/** «Лицевые счета» in the back office: an account by its number or subscriber code; the query lives in the address. */
export function AccountsPage() {
  const { t } = useTranslation('promised');
  const { t: ta } = useTranslation('accounts');
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const found = useStaffAccountSearch(q);
  const formatMoney = useFormatMoney();

  return (
    <Stack gap="lg" maw={960}>
      <PageTitle>{t('backoffice.accounts.title')}</PageTitle>
      <SearchForm
        key={q}
        initial={q}
        maxLength={64}
        maw={520}
        label={t('backoffice.accounts.search')}
        description={t('backoffice.accounts.searchHint')}
        onSearch={(query) => setParams(query ? { q: query } : {}, { replace: true })}
      />
      {q !== '' && found.isPending && <Loader aria-label={tc('common.loading')} />}
      {found.isError && <ApiErrorAlert error={found.error} title={t('backoffice.accounts.title')} onRetry={() => void found.refetch()} />}
      {found.data && found.data.items.length === 0 && <Alert variant="light">{t('backoffice.accounts.notFound')}</Alert>}
      {found.data && found.data.items.length > 0 && (
        <DataTable
          aria-label={t('backoffice.accounts.title')}
          minWidth={640}
          columns={[
            t('backoffice.accounts.number'),
            t('backoffice.accounts.kind'),
            t('backoffice.accounts.address'),
            { label: t('backoffice.accounts.balance'), align: 'right' },
            t('backoffice.accounts.state'),
          ]}
        >
          {found.data.items.map((account) => (
            <Table.Tr key={account.id}>
              <Table.Td>
                <Anchor component={Link} to={backofficeAccountPath(account.customerId, account.id)}>
                  {account.number}
                </Anchor>
                {account.subscriberCode && (
                  <Text size="xs" c="dimmed">
                    {account.subscriberCode}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{ta(`kind.${account.kind}`)}</Table.Td>
              <Table.Td>{account.address}</Table.Td>
              <Table.Td ta="right" c={account.balance < 0 ? 'red' : undefined}>
                {formatMoney(account.balance)}
              </Table.Td>
              <Table.Td>
                {account.blockedFor.length === 0 ? (
                  <Badge color="green" variant="light">
                    {t('backoffice.accounts.working')}
                  </Badge>
                ) : (
                  <Badge color="red" variant="light">
                    {t('backoffice.accounts.blocked')}: {account.blockedFor.map((reason) => ta(`blockReason.${reason}`)).join(', ')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
