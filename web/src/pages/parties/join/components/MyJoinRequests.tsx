import { Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyJoinRequests, useWithdrawJoinRequest, type MyJoinRequest } from '../../../../api/employees';
import { useFormatDateTime } from '../../../../app/format';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import { DecisionMark } from './DecisionMark';
import { RequestStatusBadge } from './RequestStatusBadge';

/** The person's own requests and how far each got: модератор ✓/—, руководитель ✓/—. */
export function MyJoinRequests() {
  const { t } = useTranslation('employees');
  const requests = useMyJoinRequests();
  if (requests.isError) throw requests.error;
  if (requests.isPending) return <Loader aria-label={t('common.loading')} />;
  if (requests.data.items.length === 0) return null;

  return (
    <Stack gap="md" component="section" aria-labelledby="my-join-requests">
      <Title order={2} size="h3" id="my-join-requests">
        {t('mine.title')}
      </Title>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="my-join-requests">
        {requests.data.items.map((request) => (
          <MyRequestCard key={request.id} request={request} />
        ))}
      </Stack>
    </Stack>
  );
}

function MyRequestCard({ request }: { request: MyJoinRequest }) {
  const { t } = useTranslation('employees');
  const formatDateTime = useFormatDateTime();
  const withdraw = useWithdrawJoinRequest();
  const [confirming, setConfirming] = useState(false);

  return (
    <Card withBorder padding="md" component="li" aria-label={request.company.name}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} miw={0}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {request.company.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t('mine.filedAt', { at: formatDateTime(request.createdAt), inn: request.company.inn })}
            </Text>
          </Stack>
          <RequestStatusBadge status={request.status} />
        </Group>
        <Group gap="lg">
          <DecisionMark who="moderator" decision={request.moderatorDecision} />
          <DecisionMark who="company" decision={request.companyDecision} />
        </Group>
        {request.status === 'rejected' && request.reason && (
          <Text size="sm" c="red.8">
            {t('mine.reason', { reason: request.reason })}
          </Text>
        )}
        {request.status === 'approved' && (
          <Text size="sm" c="teal.8">
            {t('mine.approvedHint')}
          </Text>
        )}
        {request.status === 'pending' && (
          <Button variant="subtle" color="gray" size="xs" w="fit-content" onClick={() => setConfirming(true)}>
            {t('mine.withdraw')}
          </Button>
        )}
      </Stack>
      {confirming && (
        <ConfirmModal
          title={t('mine.withdrawTitle', { name: request.company.name })}
          text={t('mine.withdrawText')}
          confirmLabel={t('mine.withdraw')}
          color="red"
          pending={withdraw.isPending}
          error={withdraw.error}
          onConfirm={() => withdraw.mutate(request.id, { onSuccess: () => setConfirming(false) })}
          onClose={() => {
            setConfirming(false);
            withdraw.reset();
          }}
        />
      )}
    </Card>
  );
}
