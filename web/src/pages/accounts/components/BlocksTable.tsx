import { Alert, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountBlock } from '../../../api/accounts';
import { useFormatDate, useFormatDateTime } from '../../../app/format';

/** An account's blocks with reasons, dates and notes; «no blocks» when there are none (the account's tab and the back office). */
export function BlocksTable({ blocks, 'aria-label': ariaLabel }: { blocks: AccountBlock[]; 'aria-label': string }) {
  const { t } = useTranslation('accounts');
  const formatDateTime = useFormatDateTime();
  const formatDate = useFormatDate();

  if (blocks.length === 0) return <Alert variant="light">{t('blocks.empty')}</Alert>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label={ariaLabel}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('blocks.reason')}</Table.Th>
            <Table.Th>{t('blocks.started')}</Table.Th>
            <Table.Th>{t('blocks.ended')}</Table.Th>
            <Table.Th>{t('blocks.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {blocks.map((block) => (
            <Table.Tr key={block.id}>
              <Table.Td>{t(`blockReason.${block.reason}`)}</Table.Td>
              <Table.Td>{formatDateTime(block.startedAt)}</Table.Td>
              <Table.Td>
                {block.endedAt
                  ? formatDateTime(block.endedAt)
                  : block.plannedEnd
                    ? `${t('blocks.current')}, ${t('blocks.plannedEnd', { date: formatDate(block.plannedEnd) })}`
                    : t('blocks.current')}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{[block.note, block.endNote].filter(Boolean).join(' · ')}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
