import { useTranslation } from 'react-i18next';
import type { CustomerAuditEvent } from '../../../../api/backoffice';
import { useAuditEventLabel } from '../../../../app/audit-events';
import { AuditTable, reasonOf } from '../../shared/AuditTrail';

/** Who did it: the customer themselves, a staff member, or the system (no actor). */
function actorKey(event: CustomerAuditEvent, customerId: string) {
  if (event.actorId === null) return 'backoffice.user.bySystem' as const;
  return event.actorId === customerId ? ('backoffice.user.byCustomer' as const) : ('backoffice.user.byStaff' as const);
}

export function CustomerActivity({ customerId, events }: { customerId: string; events: CustomerAuditEvent[] }) {
  const { t } = useTranslation();
  const eventLabel = useAuditEventLabel();

  return (
    <AuditTable
      id="customer-activity-heading"
      title={t('backoffice.user.activity')}
      order={2}
      intro={t('backoffice.user.activityIntro')}
      empty={t('settings.activity.empty')}
      columns={{ at: t('settings.activity.at'), event: t('settings.activity.event'), by: t('backoffice.user.by'), ip: t('settings.activity.ip') }}
      minWidth={600}
      rows={events.map((event) => {
        // The reason given for a block is what staff most often look for; other details stay in the log.
        const reason = reasonOf(event.details);
        return {
          id: event.id,
          at: event.at,
          event: eventLabel(event.event),
          note: reason && t('backoffice.blockedReason', { reason }),
          by: t(actorKey(event, customerId)),
          ip: event.ip,
        };
      })}
    />
  );
}
