import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApproveJoinRequests } from '../../../../api/employees';
import { FormError } from '../../../../components/forms/FormError';

/** «Подтвердить выбранные»: each request is decided on its own; the answer says how each went. */
export function BulkApproveBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useTranslation('employees');
  const approve = useApproveJoinRequests();
  const results = approve.data?.items;
  const failed = results?.filter((item) => !item.ok).length ?? 0;

  return (
    <>
      <Group gap="sm">
        <Text size="sm" c="dimmed">
          {t('queue.selected', { count: ids.length })}
        </Text>
        <Button size="sm" disabled={ids.length === 0} loading={approve.isPending} onClick={() => approve.mutate(ids, { onSuccess: onDone })}>
          {t('queue.approveSelected')}
        </Button>
      </Group>
      <FormError error={approve.error} />
      {results && (
        <Alert color={failed > 0 ? 'orange' : 'teal'} variant="light" role="status" withCloseButton onClose={() => approve.reset()}>
          {t('queue.bulkResult', { approved: results.length - failed, failed })}
        </Alert>
      )}
    </>
  );
}
