import { Button, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutbox } from '../../../api/backoffice';
import { useFormatDateTime } from '../../../app/format';
import { PageTitle } from '../../../components/PageTitle';

const PAGE = 50;
/** The server returns at most this many of the newest messages. */
const MAX = 200;

/**
 * Administrators: messages the cabinet kept instead of sending, because no mail server or SMS
 * gateway is configured. They hold live codes, which is why only administrators see them.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [limit, setLimit] = useState(PAGE);
  const outbox = useOutbox(limit);
  if (outbox.isPending) return <Loader aria-label={t('common.loading')} />;
  if (outbox.isError) throw outbox.error;
  const items = outbox.data.items;

  return (
    <Stack gap="md">
      <PageTitle>{`${t('backoffice.sections.outbox')} — ${t('backoffice.title')}`}</PageTitle>
      <Text c="dimmed" maw={720}>
        {t('backoffice.outbox.intro')}
      </Text>
      {items.length === 0 ? (
        <Text>{t('backoffice.outbox.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="sm" aria-label={t('backoffice.sections.outbox')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backoffice.outbox.at')}</Table.Th>
                <Table.Th>{t('backoffice.outbox.channel')}</Table.Th>
                <Table.Th>{t('backoffice.outbox.to')}</Table.Th>
                <Table.Th>{t('backoffice.outbox.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((message) => (
                <Table.Tr key={message.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{formatDateTime(message.createdAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                    {t(`backoffice.outbox.channels.${message.channel}`)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{message.to}</Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    {message.subject && <Text fw={600} size="sm">{message.subject}</Text>}
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {message.text}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {items.length === limit && limit < MAX && (
        <Button variant="light" w="fit-content" loading={outbox.isFetching} onClick={() => setLimit(Math.min(limit + PAGE, MAX))}>
          {t('backoffice.outbox.more')}
        </Button>
      )}
    </Stack>
  );
}
