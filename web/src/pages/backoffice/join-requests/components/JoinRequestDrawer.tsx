import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useJoinRequest } from '../../../../api/employees';
import { eventKeyIn } from '../../../../app/audit-events';
import en from '../../../../i18n/employees.en.json';
import { DecisionMark } from '../../../parties/join/components/DecisionMark';
import { RequestStatusBadge } from '../../../parties/join/components/RequestStatusBadge';
import { AuditTimeline, reasonOf } from '../../shared/AuditTrail';
import { DetailDrawer } from '../../shared/DetailDrawer';

/** One request in full: the company, the applicant, both decisions, and the audit trail of each step. */
export function JoinRequestDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('employees');
  const request = useJoinRequest(id);

  return (
    <DetailDrawer title={t('detail.title')} failed={t('detail.failed')} query={request} onClose={onClose}>
      {(data) => (
        <Stack gap="lg">
          <Stack gap={2}>
            <Text fw={600}>{data.customer.name}</Text>
            <Text size="sm" c="dimmed">
              {data.customer.kpp ? t('join.taxIdWithKpp', { inn: data.customer.inn, kpp: data.customer.kpp }) : t('join.taxId', { inn: data.customer.inn })}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('queue.applicant')}
            </Text>
            <Text>{data.applicant.name}</Text>
            <Text size="sm">{data.applicant.email}</Text>
          </Stack>
          <Group gap="lg">
            <RequestStatusBadge status={data.status} />
            <DecisionMark who="moderator" decision={data.moderatorDecision} />
            <DecisionMark who="company" decision={data.companyDecision} />
          </Group>
          {data.reason && <Text size="sm">{t('mine.reason', { reason: data.reason })}</Text>}
          <AuditTimeline
            id="join-request-audit"
            title={t('detail.audit')}
            entries={data.audit.map((event) => {
              const known = eventKeyIn(en.detail.events, event.event);
              const reason = reasonOf(event.details);
              return {
                id: event.id,
                at: event.at,
                title: known ? t(`detail.events.${known}`) : event.event,
                by: event.actorName,
                ip: event.ip,
                notes: [reason && t('mine.reason', { reason })],
              };
            })}
          />
        </Stack>
      )}
    </DetailDrawer>
  );
}
