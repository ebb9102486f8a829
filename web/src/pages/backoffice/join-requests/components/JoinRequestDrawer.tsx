import { Drawer, Group, Loader, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useJoinRequest } from '../../../../api/employees';
import { useFormatDateTime } from '../../../../app/format';
import { ApiErrorAlert } from '../../../../components/ApiErrorAlert';
import { DecisionMark } from '../../../parties/join/components/DecisionMark';
import { RequestStatusBadge } from '../../../parties/join/components/RequestStatusBadge';

/** The audit events of a join request, keyed as the catalog names them. */
const eventKeys = {
  'join_request.filed': 'filed',
  'join_request.approved_by_moderator': 'approvedByModerator',
  'join_request.approved_by_company': 'approvedByCompany',
  'join_request.approved': 'approved',
  'join_request.rejected': 'rejected',
  'join_request.withdrawn': 'withdrawn',
} as const;

function eventKey(event: string): (typeof eventKeys)[keyof typeof eventKeys] | undefined {
  return Object.hasOwn(eventKeys, event) ? eventKeys[event as keyof typeof eventKeys] : undefined;
}

/** One request in full: the company, the applicant, both decisions, and the audit trail of each step. */
export function JoinRequestDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('employees');
  const formatDateTime = useFormatDateTime();
  const request = useJoinRequest(id);

  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={t('detail.title')}>
      {request.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : request.isError ? (
        <ApiErrorAlert error={request.error} title={t('detail.failed')} onRetry={() => void request.refetch()} />
      ) : (
        <Stack gap="lg">
          <Stack gap={2}>
            <Text fw={600}>{request.data.customer.name}</Text>
            <Text size="sm" c="dimmed">
              {request.data.customer.kpp
                ? t('join.taxIdWithKpp', { inn: request.data.customer.inn, kpp: request.data.customer.kpp })
                : t('join.taxId', { inn: request.data.customer.inn })}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('queue.applicant')}
            </Text>
            <Text>{request.data.applicant.name}</Text>
            <Text size="sm">{request.data.applicant.email}</Text>
          </Stack>
          <Group gap="lg">
            <RequestStatusBadge status={request.data.status} />
            <DecisionMark who="moderator" decision={request.data.moderatorDecision} />
            <DecisionMark who="company" decision={request.data.companyDecision} />
          </Group>
          {request.data.reason && <Text size="sm">{t('mine.reason', { reason: request.data.reason })}</Text>}
          <section aria-labelledby="join-request-audit">
            <Title order={3} size="h5" id="join-request-audit" mb="sm">
              {t('detail.audit')}
            </Title>
            <Timeline bulletSize={12} lineWidth={2}>
              {request.data.audit.map((event) => (
                <Timeline.Item key={event.id} title={eventKey(event.event) ? t(`detail.events.${eventKey(event.event)!}`) : event.event}>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(event.at)}
                    {event.actorName ? ` · ${event.actorName}` : ''}
                    {event.ip ? ` · ${event.ip}` : ''}
                  </Text>
                  {typeof event.details.reason === 'string' && <Text size="sm">{t('mine.reason', { reason: event.details.reason })}</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
          </section>
        </Stack>
      )}
    </Drawer>
  );
}
