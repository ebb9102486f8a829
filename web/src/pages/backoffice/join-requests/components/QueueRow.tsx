import { Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApproveJoinRequest, useRejectJoinRequest, type StaffJoinRequest } from '../../../../api/employees';
import { useFormatDateTime } from '../../../../app/format';
import { FormError } from '../../../../components/forms/FormError';
import { ReasonModal } from '../../../../components/ReasonModal';
import { DecisionMark } from '../../../parties/join/components/DecisionMark';
import { RequestStatusBadge } from '../../../parties/join/components/RequestStatusBadge';

interface QueueRowProps {
  item: StaffJoinRequest;
  selectable: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onOpen: () => void;
}

export function QueueRow({ item, selectable, selected, onSelect, onOpen }: QueueRowProps) {
  const { t } = useTranslation('employees');
  const { t: tp } = useTranslation('parties');
  const formatDateTime = useFormatDateTime();
  const approve = useApproveJoinRequest();
  const reject = useRejectJoinRequest();
  const [rejecting, setRejecting] = useState(false);
  const waitingForModerator = item.status === 'pending' && item.moderatorDecision === null;

  return (
    <Table.Tr aria-label={`${item.applicant.name} — ${item.customer.name}`}>
      {selectable && (
        <Table.Td>
          <Checkbox aria-label={t('queue.select', { name: item.applicant.name })} checked={selected} disabled={!waitingForModerator} onChange={(event) => onSelect(event.currentTarget.checked)} />
        </Table.Td>
      )}
      <Table.Td>
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {item.customer.name}
        </Text>
        <Text size="xs" c="dimmed">
          {item.customer.kpp ? t('join.taxIdWithKpp', { inn: item.customer.inn, kpp: item.customer.kpp }) : t('join.taxId', { inn: item.customer.inn })}
        </Text>
        <Group gap={4} mt={4}>
          {item.customer.status !== 'active' && (
            <Badge size="xs" variant="light" color="yellow">
              {tp(`customerStatus.${item.customer.status}`)}
            </Badge>
          )}
          {item.status === 'pending' && !item.companyCanApprove && (
            <Badge size="xs" variant="light" color="orange" title={t('queue.noApproverHint')}>
              {t('queue.noApprover')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {item.applicant.name}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {item.applicant.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(item.createdAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <DecisionMark who="moderator" decision={item.moderatorDecision} />
          <DecisionMark who="company" decision={item.companyDecision} />
          {item.status !== 'pending' && <RequestStatusBadge status={item.status} />}
          {item.reason && (
            <Text size="xs" c="red.8">
              {t('mine.reason', { reason: item.reason })}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={6} align="flex-start">
          <FormError error={approve.error} />
          {item.status === 'pending' && (
            <Group gap="xs" wrap="nowrap">
              {item.moderatorDecision === null && (
                <Button size="xs" onClick={() => approve.mutate(item.id)} loading={approve.isPending} aria-label={t('requests.approveFor', { name: item.applicant.name })}>
                  {t('requests.approve')}
                </Button>
              )}
              <Button size="xs" variant="light" color="red" onClick={() => setRejecting(true)} aria-label={t('requests.rejectFor', { name: item.applicant.name })}>
                {t('requests.reject')}
              </Button>
            </Group>
          )}
          <Anchor component="button" type="button" size="sm" onClick={onOpen}>
            {t('queue.details')}
          </Anchor>
        </Stack>
        {rejecting && (
          <ReasonModal
            title={t('requests.rejectTitle', { name: item.applicant.name })}
            text={t('queue.rejectText')}
            hint={t('reason.hint')}
            confirmLabel={t('requests.reject')}
            pending={reject.isPending}
            error={reject.error}
            onConfirm={(reason) => reject.mutate({ id: item.id, reason }, { onSuccess: () => setRejecting(false) })}
            onClose={() => {
              setRejecting(false);
              reject.reset();
            }}
          />
        )}
      </Table.Td>
    </Table.Tr>
  );
}
