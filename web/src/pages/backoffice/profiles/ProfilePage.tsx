import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useIssueProfileCode, useRejectProfile, useStaffProfile, type IssuedCode, type StaffProfile } from '../../../api/family';
import { useFormatDate, useFormatDateTime } from '../../../app/format';
import { paths } from '../../../app/paths';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { ReasonModal } from '../../../components/ReasonModal';
import { IssuedCodeModal } from './components/IssuedCodeModal';
import { ProfileAudit } from './components/ProfileAudit';
import { ProfileCodes } from './components/ProfileCodes';
import { ProfileMembers } from './components/ProfileMembers';
import { customerStatusColor } from './components/status';

/** One profile for staff: who is linked, which codes were issued, what happened; issue a code or reject. */
export function ProfilePage() {
  const { t } = useTranslation('family');
  const id = useParams().id ?? '';
  const profile = useStaffProfile(id);
  if (profile.isPending) return <Loader aria-label={t('common.loading', { ns: 'translation' })} />;
  // An unknown id comes back 404, which the route's error boundary shows as «page not found».
  if (profile.isError) throw profile.error;
  const data = profile.data;

  return (
    <Stack gap="xl" maw={900}>
      <PageTitle>{`${data.name} — ${t('backoffice.sections.profiles', { ns: 'translation' })}`}</PageTitle>
      <Anchor component={Link} to={paths.backofficeProfiles} size="sm" w="fit-content">
        {t('backoffice.back')}
      </Anchor>
      <Overview profile={data} />
      <ProfileMembers members={data.members} />
      <ProfileCodes codes={data.codes} />
      <ProfileAudit events={data.audit} />
    </Stack>
  );
}

function Overview({ profile }: { profile: StaffProfile }) {
  const { t } = useTranslation('family');
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const issue = useIssueProfileCode();
  const reject = useRejectProfile();
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const [rejecting, setRejecting] = useState(false);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2}>
            <Title order={2} size="h3" id="profile-heading" style={{ overflowWrap: 'anywhere' }}>
              {profile.name}
            </Title>
            {profile.birthDate && (
              <Text size="sm">
                {t('backoffice.born', { date: formatDate(profile.birthDate) })} · {profile.adult ? t('backoffice.adult') : t('backoffice.minor')}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('backoffice.addedAt', { at: formatDateTime(profile.createdAt) })}
            </Text>
            {profile.decidedAt && (
              <Text size="xs" c="dimmed">
                {t('backoffice.decided', { at: formatDateTime(profile.decidedAt), name: profile.decidedBy?.name ?? t('backoffice.system') })}
              </Text>
            )}
          </Stack>
          <Badge color={customerStatusColor[profile.status]} variant="light" size="lg">
            {t(`backoffice.customerStatus.${profile.status}`)}
          </Badge>
        </Group>
        {profile.status === 'rejected' && profile.statusReason && (
          <Alert color="red" variant="light">
            {t('backoffice.statusReason', { reason: profile.statusReason })}
          </Alert>
        )}
        {profile.nextCode ? (
          <Text size="sm">{profile.nextCode === 'takeover' ? t('backoffice.issueTakeoverHint') : t('backoffice.issueHint')}</Text>
        ) : (
          <Text size="sm" c="dimmed">
            {profile.status !== 'active' ? t('backoffice.noCode') : profile.adult ? t('backoffice.noCodeOwned') : t('backoffice.noCodeMinor')}
          </Text>
        )}
        {issue.error && <ApiErrorAlert error={issue.error} title={t('backoffice.issue')} />}
        <Group gap="sm">
          {profile.nextCode && (
            <Button loading={issue.isPending} onClick={() => issue.mutate(profile.id, { onSuccess: setIssued })}>
              {profile.nextCode === 'takeover' ? t('backoffice.issueTakeover') : t('backoffice.issue')}
            </Button>
          )}
          {profile.status === 'pending' && (
            <Button variant="light" color="red" onClick={() => setRejecting(true)}>
              {t('backoffice.reject')}
            </Button>
          )}
        </Group>
      </Stack>
      {issued && <IssuedCodeModal issued={issued} onClose={() => setIssued(null)} />}
      {rejecting && (
        <ReasonModal
          title={t('backoffice.rejectTitle', { name: profile.name })}
          text={t('backoffice.rejectText')}
          hint={t('backoffice.rejectHint')}
          confirmLabel={t('backoffice.reject')}
          pending={reject.isPending}
          error={reject.error}
          onConfirm={(reason) => reject.mutate({ id: profile.id, reason }, { onSuccess: () => setRejecting(false) })}
          onClose={() => {
            reject.reset();
            setRejecting(false);
          }}
        />
      )}
    </Card>
  );
}
