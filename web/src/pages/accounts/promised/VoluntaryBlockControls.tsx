import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, AccountBlock } from '../../../api/accounts';
import { fieldErrorsOf } from '../../../api/problem';
import type { MyCustomer } from '../../../api/parties';
import { useEndVoluntaryBlock, useStartVoluntaryBlock } from '../../../api/promised';
import { useFormatDate } from '../../../app/format';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { FormError } from '../../../components/forms/FormError';

/** The days the server accepts for a planned end: tomorrow to 90 days ahead (the browser's calendar; the server decides). */
function dateAfter(days: number): string {
  const at = new Date();
  at.setDate(at.getDate() + days);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

/** «Заблокировать на время отпуска» / «Снять блокировку» above the block history, for those who may order. */
export function VoluntaryBlockControls({ customer, account, blocks }: { customer: MyCustomer; account: Account; blocks: AccountBlock[] }) {
  const { t } = useTranslation('promised');
  const formatDate = useFormatDate();
  const [dialog, setDialog] = useState<'start' | 'end' | null>(null);
  const end = useEndVoluntaryBlock(customer.customer.id, account.id);
  const open = blocks.find((block) => block.reason === 'voluntary' && block.endedAt === null);
  const mayOrder = customer.permissions.includes('order');

  return (
    <Stack gap="sm">
      {open && (
        <Alert variant="light" color="blue">
          {open.plannedEnd ? t('voluntary.activeUntil', { date: formatDate(open.plannedEnd) }) : t('voluntary.active')}
        </Alert>
      )}
      {mayOrder && account.status === 'active' && (
        <Group>
          {open ? (
            <Button variant="light" onClick={() => setDialog('end')}>
              {t('voluntary.end')}
            </Button>
          ) : (
            <Button variant="light" color="gray" onClick={() => setDialog('start')}>
              {t('voluntary.start')}
            </Button>
          )}
        </Group>
      )}
      {dialog === 'start' && <StartModal customerId={customer.customer.id} accountId={account.id} onClose={() => setDialog(null)} />}
      {dialog === 'end' && (
        <ConfirmModal
          title={t('voluntary.endTitle')}
          text={t('voluntary.endText')}
          confirmLabel={t('voluntary.endConfirm')}
          pending={end.isPending}
          error={end.error}
          onConfirm={() => end.mutate(undefined, { onSuccess: () => setDialog(null) })}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}

function StartModal({ customerId, accountId, onClose }: { customerId: string; accountId: string; onClose: () => void }) {
  const { t } = useTranslation('promised');
  const { t: tc } = useTranslation();
  const start = useStartVoluntaryBlock(customerId, accountId);
  const [plannedEnd, setPlannedEnd] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    start.mutate({ plannedEnd: plannedEnd === '' ? null : plannedEnd }, { onSuccess: onClose });
  }

  return (
    <Modal opened onClose={onClose} title={t('voluntary.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('voluntary.intro')}</Text>
          <FormError error={start.error} fields={['plannedEnd']} />
          <TextInput
            type="date"
            label={t('voluntary.plannedEnd')}
            description={t('voluntary.plannedEndHint')}
            min={dateAfter(1)}
            max={dateAfter(90)}
            value={plannedEnd}
            onChange={(event) => setPlannedEnd(event.currentTarget.value)}
            error={fieldErrorsOf(start.error).plannedEnd}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={start.isPending}>
              {t('voluntary.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
