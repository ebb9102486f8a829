import { useTranslation } from 'react-i18next';
import { useApproveJoinRequests } from '../../../../api/employees';
import { BulkActionBar } from '../../shared/QueueControls';

/** «Подтвердить выбранные»: each request is decided on its own; the answer says how each went. */
export function BulkApproveBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useTranslation('employees');
  const approve = useApproveJoinRequests();
  const results = approve.data?.items;
  const failed = results?.filter((item) => !item.ok).length ?? 0;

  return (
    <BulkActionBar
      count={ids.length}
      label={t('queue.approveSelected')}
      mutation={approve}
      onRun={() => approve.mutate(ids, { onSuccess: onDone })}
      outcome={results && { text: t('queue.bulkResult', { approved: results.length - failed, failed }), failed: failed > 0 }}
    />
  );
}
