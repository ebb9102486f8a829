import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlockStaff, useChangeStaffRole, useUnblockStaff, type StaffMember } from '../../../../api/backoffice';
import { useFormatDateTime } from '../../../../app/format';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import { FormError } from '../../../../components/forms/FormError';
import { BlockModal } from '../../shared/BlockModal';
import { StatusBadge } from '../../shared/StatusBadge';
import { RoleSelect } from './InviteStaffForm';

interface StaffCardProps {
  member: StaffMember;
  /** The administrator looking at the list: the server refuses to let them block themselves. */
  isSelf: boolean;
}

export function StaffCard({ member, isSelf }: StaffCardProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const changeRole = useChangeStaffRole();
  const block = useBlockStaff();
  const unblock = useUnblockStaff();
  const [dialog, setDialog] = useState<'block' | 'unblock' | null>(null);
  const close = () => {
    setDialog(null);
    block.reset();
    unblock.reset();
  };

  return (
    <Card withBorder padding="md" component="li" aria-label={member.name}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} miw={0}>
            <Group gap="xs">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {member.name}
              </Text>
              {isSelf && (
                <Badge color="blue" variant="light">
                  {t('backoffice.staff.you')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {member.email}
            </Text>
            <Text size="xs" c="dimmed">
              {t('backoffice.staff.createdAt', { at: formatDateTime(member.createdAt) })}
            </Text>
          </Stack>
          <Group gap="xs">
            <StatusBadge status={member.status} />
            <Badge color={member.totpEnabled ? 'teal' : 'gray'} variant="outline">
              {t(member.totpEnabled ? 'backoffice.twoFactor.on' : 'backoffice.twoFactor.off')}
            </Badge>
          </Group>
        </Group>
        {member.status === 'blocked' && member.blockedReason && (
          <Text size="sm" c="red.8">
            {t('backoffice.blockedReason', { reason: member.blockedReason })}
          </Text>
        )}
        <FormError error={changeRole.error} />
        <Group justify="space-between" align="flex-end" gap="sm">
          <RoleSelect
            value={member.role}
            disabled={changeRole.isPending}
            onChange={(role) => changeRole.mutate({ id: member.id, role })}
          />
          {!isSelf &&
            (member.status === 'active' ? (
              <Button variant="light" color="red" onClick={() => setDialog('block')}>
                {t('backoffice.block.action')}
              </Button>
            ) : (
              <Button variant="light" onClick={() => setDialog('unblock')}>
                {t('backoffice.unblock.action')}
              </Button>
            ))}
        </Group>
      </Stack>
      {dialog === 'block' && (
        <BlockModal
          title={t('backoffice.staff.blockTitle', { name: member.name })}
          text={t('backoffice.staff.blockText')}
          pending={block.isPending}
          error={block.error}
          onConfirm={(reason) => block.mutate({ id: member.id, reason }, { onSuccess: close })}
          onClose={close}
        />
      )}
      {dialog === 'unblock' && (
        <ConfirmModal
          title={t('backoffice.staff.unblockTitle', { name: member.name })}
          text={t('backoffice.staff.unblockText')}
          confirmLabel={t('backoffice.unblock.action')}
          pending={unblock.isPending}
          error={unblock.error}
          onConfirm={() => unblock.mutate(member.id, { onSuccess: close })}
          onClose={close}
        />
      )}
    </Card>
  );
}
