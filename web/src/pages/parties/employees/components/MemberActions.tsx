import { Button, Menu } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlockMember, useRemoveMember, useTransferHeadship, useUnblockMember, type Member } from '../../../../api/employees';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import { ReasonModal } from '../../../../components/ReasonModal';

type Dialog = 'block' | 'unblock' | 'remove' | 'transfer';

/** What the head may do to one member; each change is confirmed first. */
export function MemberActions({ customerId, member }: { customerId: string; member: Member }) {
  const { t } = useTranslation('employees');
  const block = useBlockMember(customerId);
  const unblock = useUnblockMember(customerId);
  const remove = useRemoveMember(customerId);
  const transfer = useTransferHeadship(customerId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => {
    setDialog(null);
    for (const mutation of [block, unblock, remove, transfer]) mutation.reset();
  };
  const name = member.name;

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs" aria-label={t('members.actionsFor', { name })}>
            {t('members.actions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {member.status === 'active' ? (
            <Menu.Item onClick={() => setDialog('block')}>{t('members.block')}</Menu.Item>
          ) : (
            <Menu.Item onClick={() => setDialog('unblock')}>{t('members.unblock')}</Menu.Item>
          )}
          {member.status === 'active' && <Menu.Item onClick={() => setDialog('transfer')}>{t('members.transfer')}</Menu.Item>}
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => setDialog('remove')}>
            {t('members.remove')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {dialog === 'block' && (
        <ReasonModal
          title={t('members.blockTitle', { name })}
          text={t('members.blockText')}
          hint={t('reason.hint')}
          confirmLabel={t('members.block')}
          pending={block.isPending}
          error={block.error}
          onConfirm={(reason) => block.mutate({ userId: member.userId, reason }, { onSuccess: close })}
          onClose={close}
        />
      )}
      {dialog === 'unblock' && (
        <ConfirmModal
          title={t('members.unblockTitle', { name })}
          text={t('members.unblockText')}
          confirmLabel={t('members.unblock')}
          pending={unblock.isPending}
          error={unblock.error}
          onConfirm={() => unblock.mutate(member.userId, { onSuccess: close })}
          onClose={close}
        />
      )}
      {dialog === 'remove' && (
        <ConfirmModal
          title={t('members.removeTitle', { name })}
          text={t('members.removeText')}
          confirmLabel={t('members.remove')}
          color="red"
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(member.userId, { onSuccess: close })}
          onClose={close}
        />
      )}
      {dialog === 'transfer' && (
        <ConfirmModal
          title={t('members.transferTitle', { name })}
          text={t('members.transferText', { name })}
          confirmLabel={t('members.transfer')}
          color="orange"
          pending={transfer.isPending}
          error={transfer.error}
          onConfirm={() => transfer.mutate(member.userId, { onSuccess: close })}
          onClose={close}
        />
      )}
    </>
  );
}
