import { useTranslation } from 'react-i18next';
import type { StaffProfile } from '../../../../api/family';
import { eventKeyIn } from '../../../../app/audit-events';
import en from '../../../../i18n/family.en.json';
import { AuditTable, reasonOf } from '../../shared/AuditTrail';

type AuditEvent = StaffProfile['audit'][number];

export function ProfileAudit({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation('family');
  // An unknown event shows its code.
  const label = (event: string) => {
    const known = eventKeyIn(en.backoffice.events, event);
    return known ? t(`backoffice.events.${known}`) : event;
  };

  return (
    <AuditTable
      id="profile-audit-heading"
      title={t('backoffice.audit')}
      order={2}
      empty={t('backoffice.auditEmpty')}
      columns={{ at: t('backoffice.auditAt'), event: t('backoffice.auditEvent'), by: t('backoffice.auditBy') }}
      minWidth={560}
      rows={events.map((event) => {
        const reason = reasonOf(event.details);
        return {
          id: event.id,
          at: event.at,
          event: label(event.event),
          // Guardianship that ends at 18 says so in its event; «came_of_age» is no reason to show.
          note: reason && reason !== 'came_of_age' ? t('card.rejectedReason', { reason }) : undefined,
          by: event.actor?.name ?? t('backoffice.system'),
        };
      })}
    />
  );
}
