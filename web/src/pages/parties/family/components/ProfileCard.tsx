import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteFamilyProfile, useGiveUpFamilyAccess, type FamilyProfile } from '../../../../api/family';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import { useFormatDate } from '../../../../app/format';
import { Representatives } from './Representatives';

const statusColor: Record<FamilyProfile['status'], string> = {
  awaiting_verification: 'yellow',
  verified: 'teal',
  guardianship_ended: 'gray',
  rejected: 'red',
  blocked: 'red',
};

interface ProfileCardProps {
  profile: FamilyProfile;
  onVerify: () => void;
}

export function ProfileCard({ profile, onVerify }: ProfileCardProps) {
  const { t } = useTranslation('family');
  const formatDate = useFormatDate();
  const remove = useDeleteFamilyProfile();
  const giveUp = useGiveUpFamilyAccess();
  const [confirm, setConfirm] = useState<'delete' | 'giveUp' | null>(null);
  const relative = profile.role !== 'self';

  return (
    <Card withBorder padding="md" component="li" aria-label={profile.name}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} miw={0}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {profile.name}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`role.${profile.role}`)}
              {profile.relation ? ` · ${t(`relation.${profile.relation}`)}` : ''}
              {profile.birthDate ? ` · ${t('card.birthDate', { date: formatDate(profile.birthDate) })}` : ''}
            </Text>
          </Stack>
          <Badge color={statusColor[profile.status]} variant="light">
            {t(`status.${profile.status}`)}
          </Badge>
        </Group>

        {profile.status === 'awaiting_verification' && <Text size="sm">{t('card.awaitingHint')}</Text>}
        {profile.status === 'verified' && profile.guardianshipEndsOn && (
          <Text size="sm" c="dimmed">
            {t('card.guardianshipUntil', { date: formatDate(profile.guardianshipEndsOn) })}
          </Text>
        )}
        {profile.status === 'guardianship_ended' && <Text size="sm">{t('card.guardianshipEnded')}</Text>}
        {profile.status === 'rejected' && profile.rejectionReason && (
          <Alert color="red" variant="light" p="xs">
            {t('card.rejectedReason', { reason: profile.rejectionReason })}
          </Alert>
        )}

        <Group gap="xs">
          {profile.status === 'awaiting_verification' && (
            <Button size="xs" onClick={onVerify}>
              {t('page.verify')}
            </Button>
          )}
          {profile.canDelete && (
            <Button size="xs" variant="light" color="red" onClick={() => setConfirm('delete')}>
              {t('card.delete')}
            </Button>
          )}
          {relative && profile.status === 'verified' && (
            <Button size="xs" variant="subtle" color="gray" onClick={() => setConfirm('giveUp')}>
              {t('card.giveUp')}
            </Button>
          )}
        </Group>

        {profile.role === 'self' && profile.status === 'verified' && <Representatives customerId={profile.id} />}
      </Stack>

      {confirm === 'delete' && (
        <ConfirmModal
          title={t('delete.title', { name: profile.name })}
          text={t('delete.text')}
          confirmLabel={t('delete.confirm')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(profile.id, { onSuccess: () => setConfirm(null) })}
          onClose={() => setConfirm(null)}
        />
      )}
      {confirm === 'giveUp' && (
        <ConfirmModal
          title={t('giveUp.title', { name: profile.name })}
          text={t('giveUp.text')}
          confirmLabel={t('giveUp.confirm')}
          pending={giveUp.isPending}
          error={giveUp.error}
          onConfirm={() => giveUp.mutate(profile.id, { onSuccess: () => setConfirm(null) })}
          onClose={() => setConfirm(null)}
        />
      )}
    </Card>
  );
}
