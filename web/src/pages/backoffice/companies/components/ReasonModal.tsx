import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../../api/problem';
import { FormError } from '../../../../components/forms/FormError';

/** The server keeps at most this much of a reason. */
const REASON_MAX = 500;

interface ReasonModalProps {
  title: string;
  text: string;
  confirmLabel: string;
  pending: boolean;
  error: Error | null;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** Rejecting or blocking asks for a reason (the registrant is told it); nothing happens until the red button. */
export function ReasonModal({ title, text, confirmLabel, pending, error, onConfirm, onClose }: ReasonModalProps) {
  const { t } = useTranslation('companies');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const errors = fieldErrorsOf(error);

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
            label={t('company.reason')}
            description={t('company.reasonHint')}
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
            error={missing ? t('company.reasonRequired') : errors.reason}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('company.cancel')}
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
