import { Alert, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountBlock } from '../../../api/accounts';
import { useFormatDate, useFormatDateTime } from '../../../app/format';
import { DataTable } from '../../../components/DataTable';

/** An account's blocks with reasons, dates and notes; «no blocks» when there are none (the account's tab and the back office). */
export function BlocksTable({ blocks, 'aria-label': ariaLabel }: { blocks: AccountBlock[]; 'aria-label': string }) {
  const { t } = useTranslation('accounts');
  const formatDateTime = useFormatDateTime();
  const formatDate = useFormatDate();

  if (blocks.length === 0) return <Alert variant="light">{t('blocks.empty')}</Alert>;
  return (
    <DataTable aria-label={ariaLabel} minWidth={560} columns={[t('blocks.reason'), t('blocks.started'), t('blocks.ended'), t('blocks.note')]}>
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
    </DataTable>
  );
}
