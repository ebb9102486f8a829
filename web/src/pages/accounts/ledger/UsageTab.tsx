import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Card, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountUsage, type UsageMetric } from '../../../api/ledger';
import { useAccountContext } from '../AccountPage';
import { QueryFallback } from '../../../components/QueryFallback';

type Granularity = 'day' | 'month';

/** «Статистика»: usage by day (the last 30 days) or by month (the last 12), with totals under the chart. */
export function UsageTab() {
  const { t, i18n } = useTranslation('ledger');
  const { customer, account } = useAccountContext();
  const [granularity, setGranularity] = useState<Granularity>('day');
  const [metric, setMetric] = useState<UsageMetric | undefined>(undefined);
  const usage = useAccountUsage(customer.customer.id, account.id, { granularity, ...(metric ? { metric } : {}) });
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'ru-RU';
  const periodLabel = (period: string) =>
    new Intl.DateTimeFormat(locale, granularity === 'day' ? { day: 'numeric', month: 'short', timeZone: 'UTC' } : { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${period}T00:00:00Z`),
    );

  const controls = (
    <Group justify="space-between" align="flex-end">
      <SegmentedControl
        value={granularity}
        onChange={(value) => setGranularity(value as Granularity)}
        data={[
          { value: 'day', label: t('usage.byDay') },
          { value: 'month', label: t('usage.byMonth') },
        ]}
        data-testid="usage-granularity"
      />
      {usage.data && usage.data.metrics.length > 1 && (
        <Select
          label={t('usage.metric')}
          value={usage.data.metric}
          onChange={(value) => setMetric((value as UsageMetric | null) ?? undefined)}
          data={usage.data.metrics.map((value) => ({ value, label: t(`usage.metrics.${value}`) }))}
          allowDeselect={false}
          w={220}
        />
      )}
    </Group>
  );

  if (!usage.isSuccess) return <QueryFallback query={usage} errorTitle={t('usage.loadFailed')} />;

  const report = usage.data;
  if (!report.metric) {
    return (
      <Alert variant="light" data-testid="usage-empty">
        {t('usage.none')}
      </Alert>
    );
  }
  const unit = t(`usage.units.${report.metric}`);
  // Cubic metres and kilowatt-hours are metered to thousandths; megabytes and operations are whole.
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: report.metric === 'water_m3' || report.metric === 'electricity_kwh' ? 3 : 1 });
  const format = (quantity: number) => `${number.format(quantity)} ${unit}`;
  const data = report.series.map((point) => ({ period: periodLabel(point.period), quantity: point.quantity }));
  const metricName = t(`usage.metrics.${report.metric}`);

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('usage.title')}
      </Title>
      {controls}
      {report.total === 0 ? (
        <Alert variant="light" data-testid="usage-empty">
          {t('usage.empty')}
        </Alert>
      ) : (
        <Card withBorder padding="md">
          <BarChart
            h={300}
            data={data}
            dataKey="period"
            series={[{ name: 'quantity', label: metricName, color: 'blue.6' }]}
            valueFormatter={format}
            yAxisProps={{ tickFormatter: (value: number) => number.format(value), width: 70 }}
            yAxisLabel={unit}
            tickLine="y"
            aria-label={t('usage.chartLabel', { metric: metricName })}
            data-testid="usage-chart"
          />
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Total label={t('usage.total')} value={format(report.total)} testId="usage-total" />
        <Total label={granularity === 'day' ? t('usage.averageDay') : t('usage.averageMonth')} value={format(report.average)} />
        {report.peak && <Total label={t('usage.peak', { period: periodLabel(report.peak.period) })} value={format(report.peak.quantity)} />}
      </SimpleGrid>
    </Stack>
  );
}

function Total({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}
