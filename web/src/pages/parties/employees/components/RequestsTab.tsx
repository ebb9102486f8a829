import { Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useApproveCompanyJoinRequest, useCompanyJoinRequests, useRejectCompanyJoinRequest, type CompanyJoinRequest } from '../../../../api/employees';
import { useFormatDateTime } from '../../../../app/format';
import { paths } from '../../../../app/paths';
import { FormError } from '../../../../components/forms/FormError';
import { ReasonModal } from '../../../../components/ReasonModal';
import { DecisionMark } from '../../join/components/DecisionMark';
import { useEmployeesContext } from '../EmployeesPage';

/** «Заявки»: people asking to join the company; the head (or an administrator) approves or rejects. */
export function RequestsTab() {
  const { t } = useTranslation('employees');
  const membership = useEmployeesContext();
  const canApprove = membership.permissions.includes('approve_members');
  const requests = useCompanyJoinRequests(canApprove ? membership.customer.id : undefined);
  if (!canApprove) return <Navigate to={paths.employees} replace />;
  if (requests.isError) throw requests.error;
  if (requests.isPending) return <Loader aria-label={t('common.loading')} />;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('requests.intro')}
      </Text>
      {requests.data.items.length === 0 ? (
        <Text>{t('requests.empty')}</Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('tabs.requests')}>
          {requests.data.items.map((request) => (
            <RequestCard key={request.id} customerId={membership.customer.id} request={request} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function RequestCard({ customerId, request }: { customerId: string; request: CompanyJoinRequest }) {
  const { t } = useTranslation('employees');
  const formatDateTime = useFormatDateTime();
  const approve = useApproveCompanyJoinRequest(customerId);
  const reject = useRejectCompanyJoinRequest(customerId);
  const [rejecting, setRejecting] = useState(false);
  const { applicant } = request;

  return (
    <Card withBorder padding="md" component="li" aria-label={applicant.name}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} miw={0}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {applicant.name}
            </Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {applicant.email}
            </Text>
            <Text size="xs" c="dimmed">
              {t('requests.filedAt', { at: formatDateTime(request.createdAt) })}
            </Text>
          </Stack>
          <Group gap="lg">
            <DecisionMark who="moderator" decision={request.moderatorDecision} />
            <DecisionMark who="company" decision={request.companyDecision} />
          </Group>
        </Group>
        <FormError error={approve.error} />
        {request.companyDecision === 'approved' ? (
          <Text size="sm" c="teal.8">
            {t('requests.approvedByCompany')}
          </Text>
        ) : (
          <Group gap="sm">
            <Button onClick={() => approve.mutate(request.id)} loading={approve.isPending} aria-label={t('requests.approveFor', { name: applicant.name })}>
              {t('requests.approve')}
            </Button>
            <Button variant="light" color="red" onClick={() => setRejecting(true)} aria-label={t('requests.rejectFor', { name: applicant.name })}>
              {t('requests.reject')}
            </Button>
          </Group>
        )}
      </Stack>
      {rejecting && (
        <ReasonModal
          title={t('requests.rejectTitle', { name: applicant.name })}
          text={t('requests.rejectText')}
          hint={t('reason.hint')}
          confirmLabel={t('requests.reject')}
          pending={reject.isPending}
          error={reject.error}
          onConfirm={(reason) => reject.mutate({ id: request.id, reason }, { onSuccess: () => setRejecting(false) })}
          onClose={() => {
            setRejecting(false);
            reject.reset();
          }}
        />
      )}
    </Card>
  );
}
