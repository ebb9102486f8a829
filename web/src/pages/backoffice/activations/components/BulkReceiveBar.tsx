import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReceivePapersInBulk } from '../../../../api/subscribers';
import { FormError } from '../../../../components/forms/FormError';

/** «Документы получены» for the chosen registrations; each is decided on its own and the answer says how each went. */
export function BulkReceiveBar({ items, onDone }: { items: Array<{ subscriberId: string; id: string }>; onDone: () => void }) {
  const { t } = useTranslation('subscribers');
  const receive = useReceivePapersInBulk();
  const results = receive.data?.results;
  const activated = results?.filter((result) => result.outcome === 'activated' || result.outcome === 'already_activated').length ?? 0;
  const failed = (results?.length ?? 0) - activated;

  return (
    <>
      <Group gap="sm">
        <Text size="sm" c="dimmed">
          {t('queue.selected', { count: items.length })}
        </Text>
        <Button size="sm" disabled={items.length === 0} loading={receive.isPending} onClick={() => receive.mutate(items, { onSuccess: onDone })}>
          {t('queue.receiveSelected')}
        </Button>
      </Group>
      <FormError error={receive.error} />
      {results && (
        <Alert color={failed > 0 ? 'orange' : 'teal'} variant="light" role="status" withCloseButton onClose={() => receive.reset()}>
          {t('queue.bulkResult', { activated, failed })}
        </Alert>
      )}
    </>
  );
}
