import { Alert, Badge, Button, Group, Loader, NativeSelect, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRetryWebhookDelivery, useWebhookDeliveries, useWebhookEndpoints, type DeliveryStatus } from '../../../../api/integration';
import { useFormatDateTime } from '../../../../app/format';
import { ApiErrorAlert } from '../../../../components/ApiErrorAlert';
import { MoreButton } from '../../../../components/MoreButton';
import { DataTable } from '../../../../components/DataTable';

const statuses = ['pending', 'delivered', 'failed'] as const satisfies readonly DeliveryStatus[];
const statusColor = { pending: 'blue', delivered: 'teal', failed: 'red' } as const;

interface DeliveriesSectionProps {
  endpointId: string | undefined;
  onEndpointChange: (endpointId: string | undefined) => void;
}

/** What was sent where: status, attempts, the last answer; «Отправить заново» for a failed one. */
export function DeliveriesSection({ endpointId, onEndpointChange }: DeliveriesSectionProps) {
  const { t } = useTranslation('integration');
  const { t: tc } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [status, setStatus] = useState<DeliveryStatus | 'all'>('all');
  const endpoints = useWebhookEndpoints();
  const deliveries = useWebhookDeliveries({ ...(endpointId ? { endpointId } : {}), ...(status !== 'all' ? { status } : {}) });
  const retry = useRetryWebhookDelivery();
  const [retried, setRetried] = useState(false);
  if (deliveries.isError) throw deliveries.error;
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('deliveries.endpoint')}
          value={endpointId ?? ''}
          onChange={(event) => onEndpointChange(event.currentTarget.value || undefined)}
          data={[{ value: '', label: t('deliveries.allEndpoints') }, ...(endpoints.data?.items ?? []).map((endpoint) => ({ value: endpoint.id, label: endpoint.url }))]}
          maw={420}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('deliveries.status')}
          </Text>
          <SegmentedControl
            value={status}
            onChange={(value) => setStatus(statuses.find((candidate) => candidate === value) ?? 'all')}
            data={[{ value: 'all', label: t('deliveries.allStatuses') }, ...statuses.map((value) => ({ value, label: t(`deliveries.statuses.${value}`) }))]}
          />
        </Stack>
      </Group>
      {retried && (
        <Alert color="teal" variant="light" role="status" withCloseButton onClose={() => setRetried(false)}>
          {t('deliveries.retried')}
        </Alert>
      )}
      {retry.error && <ApiErrorAlert error={retry.error} title={t('deliveries.retry')} />}
      {deliveries.isPending ? (
        <Loader aria-label={tc('common.loading')} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('deliveries.empty')}</Text>
      ) : (
        <DataTable
          aria-label={t('deliveries.listLabel')}
          minWidth={960}
          verticalSpacing="sm"
          columns={[
            t('deliveries.columns.created'),
            t('deliveries.columns.type'),
            t('deliveries.columns.endpoint'),
            t('deliveries.columns.status'),
            t('deliveries.columns.attempts'),
            t('deliveries.columns.response'),
            t('deliveries.columns.next'),
            t('deliveries.columns.actions'),
          ]}
        >
          {items.map((delivery) => (
            <Table.Tr key={delivery.id}>
              <Table.Td>{formatDateTime(delivery.createdAt)}</Table.Td>
              <Table.Td>{t(`eventTypes.${delivery.eventType}`)}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {delivery.endpointUrl}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Badge color={statusColor[delivery.status]} variant="light">
                    {t(`deliveries.statuses.${delivery.status}`)}
                  </Badge>
                  {delivery.deliveredAt && (
                    <Text size="xs" c="dimmed">
                      {t('deliveries.deliveredAt', { date: formatDateTime(delivery.deliveredAt) })}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>{delivery.attempts}</Table.Td>
              <Table.Td>
                <Text size="sm">{delivery.lastStatusCode ?? delivery.lastError ?? '—'}</Text>
                {delivery.lastStatusCode !== null && delivery.lastError && (
                  <Text size="xs" c="dimmed">
                    {delivery.lastError}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt) : '—'}</Table.Td>
              <Table.Td>
                {delivery.status === 'failed' && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    loading={retry.isPending && retry.variables === delivery.id}
                    onClick={() => retry.mutate(delivery.id, { onSuccess: () => setRetried(true) })}
                  >
                    {t('deliveries.retry')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <MoreButton query={deliveries} />
    </Stack>
  );
}
