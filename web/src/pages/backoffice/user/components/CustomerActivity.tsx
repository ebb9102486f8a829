import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerAuditEvent } from '../../../../api/backoffice';
import { useAuditEventLabel } from '../../../../app/audit-events';
import { useFormatDateTime } from '../../../../app/format';

/** The reason given for a block is what staff most often look for; other details stay in the log. */
function reasonOf(event: CustomerAuditEvent): string | undefined {
  const reason = event.details.reason;
  return typeof reason === 'string' && reason ? reason : undefined;
}

/** Who did it: the customer themselves, a staff member, or the system (no actor). */
function actorKey(event: CustomerAuditEvent, customerId: string) {
  if (event.actorId === null) return 'backoffice.user.bySystem' as const;
  return event.actorId === customerId ? ('backoffice.user.byCustomer' as const) : ('backoffice.user.byStaff' as const);
}

export function CustomerActivity({ customerId, events }: { customerId: string; events: CustomerAuditEvent[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const eventLabel = useAuditEventLabel();

  return (
    <Stack gap="sm" component="section" aria-labelledby="customer-activity-heading">
      <Title order={2} size="h4" id="customer-activity-heading">
        {t('backoffice.user.activity')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('backoffice.user.activityIntro')}
      </Text>
      {events.length === 0 ? (
        <Text>{t('settings.activity.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.activity.at')}</Table.Th>
                <Table.Th>{t('settings.activity.event')}</Table.Th>
                <Table.Th>{t('backoffice.user.by')}</Table.Th>
                <Table.Th>{t('settings.activity.ip')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((event) => {
                const reason = reasonOf(event);
                return (
                  <Table.Tr key={event.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at)}</Table.Td>
                    <Table.Td>
                      {eventLabel(event.event)}
                      {reason && (
                        <Text size="xs" c="dimmed">
                          {t('backoffice.blockedReason', { reason })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(actorKey(event, customerId))}</Table.Td>
                    <Table.Td>{event.ip ?? '—'}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
