import { Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useActivity } from '../../../../api/account';
import { useAuditEventLabel } from '../../../../app/audit-events';
import { useFormatDateTime } from '../../../../app/format';
import { MoreButton } from '../../../../components/MoreButton';

export function ActivityTab() {
  const { t } = useTranslation();
  const activity = useActivity();
  const formatDateTime = useFormatDateTime();
  const eventLabel = useAuditEventLabel();
  if (activity.isPending) return <Loader />;
  if (activity.isError) throw activity.error;
  const items = activity.data.pages.flatMap((page) => page.items);

  return (
    <Stack gap="md" maw={900}>
      <Text c="dimmed">{t('settings.activity.intro')}</Text>
      {items.length === 0 ? (
        <Text>{t('settings.activity.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.activity.at')}</Table.Th>
                <Table.Th>{t('settings.activity.event')}</Table.Th>
                <Table.Th>{t('settings.activity.ip')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item, index) => (
                <Table.Tr key={`${item.at}:${item.event}:${index}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.at)}</Table.Td>
                  <Table.Td>{eventLabel(item.event)}</Table.Td>
                  <Table.Td>{item.ip ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MoreButton query={activity} />
    </Stack>
  );
}
