import { useTranslation } from 'react-i18next';
import { useReceivePapersInBulk } from '../../../../api/subscribers';
import { BulkActionBar } from '../../shared/QueueControls';

/** «Документы получены» for the chosen registrations; each is decided on its own and the answer says how each went. */
export function BulkReceiveBar({ items, onDone }: { items: Array<{ subscriberId: string; id: string }>; onDone: () => void }) {
  const { t } = useTranslation('subscribers');
  const receive = useReceivePapersInBulk();
  const results = receive.data?.results;
  const activated = results?.filter((result) => result.outcome === 'activated' || result.outcome === 'already_activated').length ?? 0;
  const failed = (results?.length ?? 0) - activated;

  return (
    <BulkActionBar
      count={items.length}
      label={t('queue.receiveSelected')}
      mutation={receive}
      onRun={() => receive.mutate(items, { onSuccess: onDone })}
      outcome={results && { text: t('queue.bulkResult', { activated, failed }), failed: failed > 0 }}
    />
  );
}
