import { useTranslation } from 'react-i18next';
import type { CompanyAuditEvent } from '../../../../api/companies';
import { eventKeyIn, useAuditEventLabel } from '../../../../app/audit-events';
import companiesRu from '../../../../i18n/companies.ru.json';
import { AuditTable, reasonOf } from '../../shared/AuditTrail';

/** Registration and every decision since, newest first, with who made it and why. */
export function CompanyAudit({ events }: { events: CompanyAuditEvent[] }) {
  const { t } = useTranslation('companies');
  const otherLabel = useAuditEventLabel();
  const label = (event: string) => {
    const known = eventKeyIn(companiesRu.company.events, event);
    return known ? t(`company.events.${known}`) : otherLabel(event);
  };

  return (
    <AuditTable
      id="company-audit-heading"
      title={t('company.audit')}
      order={3}
      empty={t('company.auditEmpty')}
      columns={{ at: t('company.at'), event: t('company.event'), by: t('company.by') }}
      minWidth={560}
      rows={events.map((event) => {
        const reason = reasonOf(event.details);
        return {
          id: event.id,
          at: event.at,
          event: label(event.event),
          note: reason && t('company.reasonDetail', { reason }),
          by: event.actorName ?? t('company.bySystem'),
        };
      })}
    />
  );
}
