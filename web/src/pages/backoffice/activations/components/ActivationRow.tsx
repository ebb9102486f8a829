import { Badge, Button, Checkbox, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActivationQueueItem } from '../../../../api/subscribers';
import { useFormatDateTime } from '../../../../app/format';

interface ActivationRowProps {
  item: ActivationQueueItem;
  selectable: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onOpen: () => void;
}

export function ActivationRow({ item, selectable, selected, onSelect, onOpen }: ActivationRowProps) {
  const { t } = useTranslation('subscribers');
  const formatDateTime = useFormatDateTime();
  const code = item.account.subscriberCode ?? '—';
  return (
    <Table.Tr aria-label={t('queue.rowLabel', { code, name: item.customer.name })}>
      {selectable && (
        <Table.Td>
          <Checkbox aria-label={t('queue.select', { code, name: item.customer.name })} checked={selected} onChange={(event) => onSelect(event.currentTarget.checked)} />
        </Table.Td>
      )}
      <Table.Td>
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {item.customer.name}
        </Text>
        {item.customer.inn && (
          <Text size="xs" c="dimmed">
            {item.customer.kpp ? t('queue.taxIdWithKpp', { inn: item.customer.inn, kpp: item.customer.kpp }) : t('queue.taxId', { inn: item.customer.inn })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t('queue.code', { code })}</Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {item.account.contractNumber ? t('queue.accountWithContract', { number: item.account.number, contract: item.account.contractNumber }) : item.account.number}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {item.user.name}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {item.user.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(item.status === 'activated' && item.papersReceivedAt ? item.papersReceivedAt : item.createdAt)}</Text>
        <Group gap={4} mt={2}>
          {item.hasScan && (
            <Badge size="xs" variant="light">
              {t('queue.hasScan')}
            </Badge>
          )}
        </Group>
        {item.reason && (
          <Text size="xs" c="dimmed">
            {t('detail.reason', { reason: item.reason })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant="light" onClick={onOpen}>
          {t('queue.open')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
