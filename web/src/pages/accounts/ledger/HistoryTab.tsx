import '@mantine/dates/styles.css';
import { Alert, Badge, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entriesExportUrl, useAccountEntries, type EntryFilter, type ExportFormat, type LedgerEntry } from '../../../api/ledger';
import { useFormatDateTime, useFormatMoney } from '../../../app/format';
import { MoreButton } from '../../../components/MoreButton';
import { useAccountContext } from '../AccountPage';
import { periodPresets, thisMonth, type Period } from './period';
import { StatementCard } from './StatementCard';
import { DownloadMenu } from './DownloadMenu';
import { QueryFallback } from '../../../components/QueryFallback';
import { DataTable } from '../../../components/DataTable';

/** The operation filter's choices and what each asks the server for. */
const KIND_FILTERS = {
  all: {},
  charges: { kind: ['charge'] },
  oneTime: { kind: ['charge'], chargeType: 'one_time' },
  periodic: { kind: ['charge'], chargeType: 'periodic' },
  payments: { kind: ['payment'] },
  corrections: { kind: ['correction'] },
  promised: { kind: ['promised_credit', 'promised_reversal'] },
} satisfies Record<string, Omit<EntryFilter, 'from' | 'to'>>;
type KindFilter = keyof typeof KIND_FILTERS;

/** «История»: the statement for a period on top, the operations below with filters, files and «Показать ещё». */
export function HistoryTab() {
  const { t, i18n } = useTranslation('ledger');
  const { customer, account } = useAccountContext();
  const customerId = customer.customer.id;
  const [kind, setKind] = useState<KindFilter>('all');
  const [range, setRange] = useState<[string | null, string | null]>(() => {
    const { from, to } = thisMonth();
    return [from, to];
  });
  // A half-chosen range waits for its end; a cleared one means all time.
  const [period, setPeriod] = useState<Period | null>(thisMonth);
  const filter: EntryFilter = { ...KIND_FILTERS[kind], ...(period ?? {}) };

  return (
    <DatesProvider settings={{ locale: i18n.resolvedLanguage === 'en' ? 'en' : 'ru', firstDayOfWeek: 1 }}>
      <Stack gap="lg">
        <Group align="flex-end" gap="md">
          <DatePickerInput
            type="range"
            label={t('filter.period')}
            placeholder={t('filter.periodPlaceholder')}
            value={range}
            onChange={(value) => {
              setRange([value[0], value[1]]);
              if (value[0] && value[1]) setPeriod({ from: value[0], to: value[1] });
              else if (!value[0] && !value[1]) setPeriod(null);
            }}
            presets={periodPresets({ thisMonth: t('filter.thisMonth'), lastMonth: t('filter.lastMonth'), thisYear: t('filter.thisYear'), lastYear: t('filter.lastYear') })}
            valueFormat="DD.MM.YYYY"
            clearable
            allowSingleDateInRange
            w={260}
            data-testid="history-period"
          />
          <Select
            label={t('filter.kind')}
            value={kind}
            onChange={(value) => setKind((value as KindFilter | null) ?? 'all')}
            data={(Object.keys(KIND_FILTERS) as KindFilter[]).map((value) => ({ value, label: t(`filter.${value}`) }))}
            allowDeselect={false}
            w={240}
            data-testid="history-kind"
          />
        </Group>
        <StatementCard customerId={customerId} accountId={account.id} period={period} />
        <Entries customerId={customerId} accountId={account.id} filter={filter} />
      </Stack>
    </DatesProvider>
  );
}

function Entries({ customerId, accountId, filter }: { customerId: string; accountId: string; filter: EntryFilter }) {
  const { t } = useTranslation('ledger');
  const entries = useAccountEntries(customerId, accountId, filter);
  const download = (format: ExportFormat) => entriesExportUrl(customerId, accountId, filter, format);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('entries.title')}
        </Title>
        <DownloadMenu label={t('entries.download')} variant="default" href={download} xlsxLabel={t('entries.xlsx')} csvLabel={t('entries.csv')} />
      </Group>
      {!entries.isSuccess ? (
        <QueryFallback query={entries} errorTitle={t('entries.loadFailed')} />
      ) : entries.data.pages[0]?.items.length === 0 ? (
        <Alert variant="light">{t('entries.empty')}</Alert>
      ) : (
        <>
          <DataTable
            aria-label={t('entries.title')}
            minWidth={560}
            columns={[t('entries.date'), t('entries.operation'), t('entries.details'), { label: t('entries.amount'), align: 'right' }]}
          >
            {entries.data.pages.flatMap((page) => page.items).map((entry) => (
              <EntryRow key={entry.id} entry={entry} />
            ))}
          </DataTable>
          <MoreButton query={entries} />
        </>
      )}
    </Stack>
  );
}

function EntryRow({ entry }: { entry: LedgerEntry }) {
  const { t, i18n } = useTranslation('ledger');
  const formatMoney = useFormatMoney();
  const formatDateTime = useFormatDateTime();
  const month = entry.period
    ? new Intl.DateTimeFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'ru-RU', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${entry.period}T00:00:00Z`))
    : null;
  const details = [entry.description ?? entry.serviceCode, month ? t('entries.forPeriod', { period: month }) : null].filter(Boolean).join(' ');
  return (
    <Table.Tr data-testid="ledger-entry">
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(entry.occurredAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{t(`kind.${entry.kind}`)}</Text>
          {entry.chargeType && (
            <Badge size="xs" variant="light" color={entry.chargeType === 'periodic' ? 'blue' : 'grape'}>
              {t(`chargeType.${entry.chargeType}`)}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{details}</Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" fw={500} c={entry.amount > 0 ? 'green.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {entry.amount > 0 ? '+' : ''}
          {formatMoney(entry.amount)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
