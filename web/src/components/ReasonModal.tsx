import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../api/problem';
import { FormError } from './forms/FormError';

/** The server keeps at most this much of a reason. */
const REASON_MAX = 500;

export interface ReasonModalProps {
  title: string;
  /** What happens and who is told the reason, said before it is done. */
  text: string;
  /** Under the field: who reads the reason. */
  hint: string;
  /** Shown when the field is left empty; «Укажите причину.» unless given. */
  requiredMessage?: string;
  /** The red button. */
  confirmLabel: string;
  pending: boolean;
  error: Error | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/**
 * Rejecting or blocking asks for a reason (the person is told it, and it stays in the log) and is
 * itself the confirmation: nothing happens until the red button.
 */
export function ReasonModal({ title, text, hint, requiredMessage, confirmLabel, pending, error, onConfirm, onClose }: ReasonModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    setMissing(trimmed === '');
    if (trimmed) onConfirm(trimmed);
  }

  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{text}</Text>
          <FormError error={error} fields={['reason']} />
          <Textarea
            label={t('common.reason')}
            description={hint}
            required
            data-autofocus
            autosize
            minRows={3}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? (requiredMessage ?? t('common.reasonRequired')) : fieldErrorsOf(error).reason}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={pending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
