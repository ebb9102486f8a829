import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../api/problem';
import { FormError } from '../../../components/forms/FormError';

/** The server keeps at most this much of a reason. */
const REASON_MAX = 500;

interface BlockModalProps {
  title: string;
  /** What blocking does to this person, said before it is done. */
  text: string;
  /** The red button; blocking by default. */
  confirmLabel?: string;
  pending: boolean;
  error: Error | null;
  onBlock: (reason: string) => void;
  onClose: () => void;
}

/**
 * Blocking asks for a reason (the person is told it, and it stays in the audit log) and is itself
 * the confirmation: nothing happens until the red button.
 */
export function BlockModal({ title, text, confirmLabel, pending, error, onBlock, onClose }: BlockModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = fieldErrorsOf(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    setMissing(trimmed === '');
    if (trimmed) onBlock(trimmed);
  }

  return (
    <Modal opened onClose={onClose} title={title} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{text}</Text>
          <FormError error={error} fields={['reason']} />
          <Textarea
            label={t('backoffice.block.reason')}
            description={t('backoffice.block.reasonHint')}
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
            error={missing ? t('backoffice.block.reasonRequired') : errors.reason}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={pending}>
              {confirmLabel ?? t('backoffice.block.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
