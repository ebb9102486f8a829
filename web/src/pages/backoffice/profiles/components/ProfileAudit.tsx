import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffProfile } from '../../../../api/family';
import { useFormatDateTime } from '../../../../app/format';
import en from '../../../../i18n/family.en.json';

type AuditEvent = StaffProfile['audit'][number];
type KnownEvent = keyof typeof en.backoffice.events;

/** `family.code_issued` → the catalog's `family_code_issued`; an unknown event shows its code. */
function useEventLabel() {
  const { t } = useTranslation('family');
  return (event: string) => {
    const key = event.replaceAll('.', '_');
    return Object.hasOwn(en.backoffice.events, key) ? t(`backoffice.events.${key as KnownEvent}`) : event;
  };
}

function reasonOf(event: AuditEvent): string | undefined {
  const reason = event.details.reason;
  return typeof reason === 'string' && reason && reason !== 'came_of_age' ? reason : undefined;
}

export function ProfileAudit({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation('family');
  const formatDateTime = useFormatDateTime();
  const eventLabel = useEventLabel();

  return (
    <Stack gap="sm" component="section" aria-labelledby="profile-audit-heading">
      <Title order={2} size="h4" id="profile-audit-heading">
        {t('backoffice.audit')}
      </Title>
      {events.length === 0 ? (
        <Text>{t('backoffice.auditEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-labelledby="profile-audit-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backoffice.auditAt')}</Table.Th>
                <Table.Th>{t('backoffice.auditEvent')}</Table.Th>
                <Table.Th>{t('backoffice.auditBy')}</Table.Th>
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
                          {t('card.rejectedReason', { reason })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{event.actor?.name ?? t('backoffice.system')}</Table.Td>
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
