import { Alert, Center, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccountBlocks } from '../../../api/accounts';
import { useFormatDate, useFormatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useAccountContext } from '../AccountPage';
import { VoluntaryBlockControls } from '../promised/VoluntaryBlockControls';

/** «Блокировки»: every block of the account, current ones first, with reasons and dates. */
export function BlocksTab() {
  const { t } = useTranslation('accounts');
  const { customer, account } = useAccountContext();
  const blocks = useAccountBlocks(customer.customer.id, account.id);
  const formatDateTime = useFormatDateTime();
  const formatDate = useFormatDate();

  if (blocks.isPending) {
    return (
      <Center py="md">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  }
  if (blocks.isError) return <ApiErrorAlert error={blocks.error} title={t('blocks.title')} onRetry={() => void blocks.refetch()} />;
  return (
    <Stack gap="md">
      <VoluntaryBlockControls customer={customer} account={account} blocks={blocks.data.items} />
      {blocks.data.items.length === 0 ? (
        <Alert variant="light">{t('blocks.empty')}</Alert>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label={t('blocks.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('blocks.reason')}</Table.Th>
                <Table.Th>{t('blocks.started')}</Table.Th>
                <Table.Th>{t('blocks.ended')}</Table.Th>
                <Table.Th>{t('blocks.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {blocks.data.items.map((block) => (
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
      )}
    </Stack>
  );
}
