import { Alert, Card, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../../app/format';
import { useAccountContext } from '../AccountPage';
import { PromisedCard } from '../promised/PromisedCard';
import { TariffSummaryCard } from '../tariffs/TariffSummaryCard';
import { DetailsTable } from '../../../components/DetailsTable';

/** «Обзор»: the account's details, and each module's summary card (plan, promised payment, …). */
export function OverviewTab() {
  const { t } = useTranslation('accounts');
  const { customer, account } = useAccountContext();
  const formatMoney = useFormatMoney();
  const rows = [
    { label: t('overview.address'), value: account.address },
    { label: t('overview.contract'), value: account.contractNumber },
    { label: t('overview.subscriberCode'), value: account.subscriberCode },
    { label: t('overview.threshold'), value: account.blockThreshold === null ? null : formatMoney(account.blockThreshold) },
  ].filter((row) => row.value !== null);

  return (
    <Stack gap="md">
      {account.blockedFor.includes('debt') && (
        <Alert color="red" variant="light">
          {t('overview.debtWarning')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {rows.length > 0 && (
          <Card withBorder padding="lg">
            <DetailsTable rows={rows} labelWidth="40%" />
          </Card>
        )}
        <TariffSummaryCard />
        {account.blockThreshold !== null && <PromisedCard customerId={customer.customer.id} account={account} />}
      </SimpleGrid>
    </Stack>
  );
}
