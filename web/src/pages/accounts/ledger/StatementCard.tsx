import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { statementExportUrl, useAccountStatement, type ExportFormat } from '../../../api/ledger';
import { useFormatDate, useFormatMoney } from '../../../app/format';
import type { Period } from './period';
import { DownloadMenu } from './DownloadMenu';
import { QueryFallback } from '../../../components/QueryFallback';

/** The statement for the chosen period: what the account had, what was charged and paid, what it has. */
export function StatementCard({ customerId, accountId, period }: { customerId: string; accountId: string; period: Period | null }) {
  const { t } = useTranslation('ledger');
  const formatMoney = useFormatMoney();
  const formatDate = useFormatDate();
  const statement = useAccountStatement(customerId, accountId, period);

  if (!period) {
    return (
      <Alert variant="light" data-testid="statement-card">
        {t('statement.choosePeriod')}
      </Alert>
    );
  }
  if (!statement.isSuccess) return <QueryFallback query={statement} errorTitle={t('statement.loadFailed')} />;

  const data = statement.data;
  const promised = data.promisedCredits + data.promisedReversals;
  // Charges are negative in the ledger; people read «начислено 450 ₽».
  const rows: Array<{ key: string; label: string; value: number; strong?: boolean }> = [
    { key: 'opening', label: t('statement.opening'), value: data.openingBalance, strong: true },
    { key: 'oneTime', label: t('statement.oneTime'), value: -data.charges.oneTime },
    { key: 'periodic', label: t('statement.periodic'), value: -data.charges.periodic },
    { key: 'payments', label: t('statement.payments'), value: data.payments },
    ...(data.corrections !== 0 ? [{ key: 'corrections', label: t('statement.corrections'), value: data.corrections }] : []),
    ...(data.promisedCredits !== 0 ? [{ key: 'promised', label: t('statement.promised'), value: promised }] : []),
    { key: 'closing', label: t('statement.closing'), value: data.closingBalance, strong: true },
  ];
  const download = (format: ExportFormat) => statementExportUrl(customerId, accountId, period, format);

  return (
    <Card withBorder padding="lg" maw={560} data-testid="statement-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4">
            {t('statement.title', { from: formatDate(data.from), to: formatDate(data.to) })}
          </Title>
          <DownloadMenu label={t('statement.download')} variant="light" href={download} xlsxLabel={t('statement.xlsx')} csvLabel={t('statement.csv')} />
        </Group>
        <Stack gap={6}>
          {rows.map((row) => (
            <Group key={row.key} justify="space-between" wrap="nowrap" data-testid={`statement-${row.key}`}>
              <Text size="sm" c={row.strong ? undefined : 'dimmed'} fw={row.strong ? 600 : undefined}>
                {row.label}
              </Text>
              <Text size="sm" fw={row.strong ? 700 : undefined} c={row.strong && row.value < 0 ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(row.value)}
              </Text>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
