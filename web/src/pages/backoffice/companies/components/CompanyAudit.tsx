import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompanyAuditEvent } from '../../../../api/companies';
import { useAuditEventLabel } from '../../../../app/audit-events';
import { useFormatDateTime } from '../../../../app/format';
import companiesRu from '../../../../i18n/companies.ru.json';

type CompanyEvent = keyof typeof companiesRu.company.events;

function companyEvent(event: string): CompanyEvent | undefined {
  const key = event.replaceAll('.', '_');
  return Object.hasOwn(companiesRu.company.events, key) ? (key as CompanyEvent) : undefined;
}

function reasonOf(event: CompanyAuditEvent): string | undefined {
  const reason = event.details.reason;
  return typeof reason === 'string' && reason ? reason : undefined;
}

/** Registration and every decision since, newest first, with who made it and why. */
export function CompanyAudit({ events }: { events: CompanyAuditEvent[] }) {
  const { t } = useTranslation('companies');
  const formatDateTime = useFormatDateTime();
  const otherLabel = useAuditEventLabel();
  const label = (event: string) => {
    const known = companyEvent(event);
    return known ? t(`company.events.${known}`) : otherLabel(event);
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="company-audit-heading">
      <Title order={3} size="h4" id="company-audit-heading">
        {t('company.audit')}
      </Title>
      {events.length === 0 ? (
        <Text>{t('company.auditEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-labelledby="company-audit-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('company.at')}</Table.Th>
                <Table.Th>{t('company.event')}</Table.Th>
                <Table.Th>{t('company.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((event) => {
                const reason = reasonOf(event);
                return (
                  <Table.Tr key={event.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at)}</Table.Td>
                    <Table.Td>
                      {label(event.event)}
                      {reason && (
                        <Text size="xs" c="dimmed">
                          {t('company.reasonDetail', { reason })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{event.actorName ?? t('company.bySystem')}</Table.Td>
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
