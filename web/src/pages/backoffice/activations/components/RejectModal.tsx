import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../../api/problem';
import { FormError } from '../../../../components/forms/FormError';

/** The server keeps at most this much of a reason. */
const REASON_MAX = 500;

interface RejectModalProps {
  name: string;
  pending: boolean;
  error: Error | null;
  onReject: (reason: string) => void;
  onClose: () => void;
}

/** Rejecting asks for the reason the person is mailed; nothing happens until the red button. */
export function RejectModal({ name, pending, error, onReject, onClose }: RejectModalProps) {
  const { t } = useTranslation('subscribers');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    setMissing(trimmed === '');
    if (trimmed) onReject(trimmed);
  }

  return (
    <Modal opened onClose={onClose} title={t('reject.title', { name })} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('reject.text')}</Text>
          <FormError error={error} fields={['reason']} />
          <Textarea
            label={t('reject.reason')}
            description={t('reject.reasonHint')}
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
            error={missing ? t('reject.required') : fieldErrorsOf(error).reason}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={pending}>
              {t('reject.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
