import { Alert, Badge, Button, Card, Group, Loader, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteWebhookEndpoint, useUpdateWebhookEndpoint, useWebhookEndpoints, type WebhookEndpoint } from '../../../../api/integration';
import { useFormatDateTime } from '../../../../app/format';
import { ApiErrorAlert } from '../../../../components/ApiErrorAlert';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import { CreateWebhookModal } from './CreateWebhookModal';

export function WebhooksSection({ onShowDeliveries }: { onShowDeliveries: (endpointId: string) => void }) {
  const { t } = useTranslation('integration');
  const { t: tc } = useTranslation();
  const endpoints = useWebhookEndpoints();
  const remove = useDeleteWebhookEndpoint();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const [deleted, setDeleted] = useState(false);
  if (endpoints.isError) throw endpoints.error;

  return (
    <Stack gap="md">
      <Group>
        <Button onClick={() => setCreating(true)}>{t('webhooks.create')}</Button>
      </Group>
      {deleted && (
        <Alert color="teal" variant="light" role="status" withCloseButton onClose={() => setDeleted(false)}>
          {t('webhooks.deleted')}
        </Alert>
      )}
      {endpoints.isPending ? (
        <Loader aria-label={tc('common.loading')} />
      ) : endpoints.data.items.length === 0 ? (
        <Text c="dimmed">{t('webhooks.empty')}</Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('webhooks.listLabel')}>
          {endpoints.data.items.map((endpoint) => (
            <EndpointCard key={endpoint.id} endpoint={endpoint} onShowDeliveries={() => onShowDeliveries(endpoint.id)} onDelete={() => setDeleting(endpoint)} />
          ))}
        </Stack>
      )}
      {creating && <CreateWebhookModal onClose={() => setCreating(false)} />}
      {deleting && (
        <ConfirmModal
          title={t('webhooks.deleteTitle', { url: deleting.url })}
          text={t('webhooks.deleteText')}
          confirmLabel={t('webhooks.delete')}
          color="red"
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                setDeleted(true);
                setDeleting(null);
              },
            })
          }
          onClose={() => {
            remove.reset();
            setDeleting(null);
          }}
        />
      )}
    </Stack>
  );
}

function EndpointCard({ endpoint, onShowDeliveries, onDelete }: { endpoint: WebhookEndpoint; onShowDeliveries: () => void; onDelete: () => void }) {
  const { t } = useTranslation('integration');
  const formatDateTime = useFormatDateTime();
  const update = useUpdateWebhookEndpoint();

  return (
    <Card withBorder padding="md" component="li">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Text fw={600} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {endpoint.url}
            </Text>
            {endpoint.description && <Text size="sm">{endpoint.description}</Text>}
            <Text size="xs" c="dimmed">
              {t('webhooks.created', { date: formatDateTime(endpoint.createdAt) })}
            </Text>
          </Stack>
          <Switch
            label={t('webhooks.toggle')}
            checked={endpoint.active}
            disabled={update.isPending}
            onChange={(event) => update.mutate({ id: endpoint.id, change: { active: event.currentTarget.checked } })}
          />
        </Group>
        <Group gap={4}>
          <Badge color={endpoint.active ? 'teal' : 'gray'} variant="light">
            {t(endpoint.active ? 'webhooks.active' : 'webhooks.inactive')}
          </Badge>
          {endpoint.eventTypes.map((type) => (
            <Badge key={type} variant="outline" tt="none">
              {t(`eventTypes.${type}`)}
            </Badge>
          ))}
        </Group>
        {update.error && <ApiErrorAlert error={update.error} title={t('webhooks.toggle')} />}
        <Group gap="sm">
          <Button size="compact-sm" variant="light" onClick={onShowDeliveries}>
            {t('webhooks.showDeliveries')}
          </Button>
          <Button size="compact-sm" variant="subtle" color="red" onClick={onDelete}>
            {t('webhooks.delete')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
