import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from './forms/FormError';

interface ConfirmModalProps {
  title: string;
  /** What the change does, said before it is done. */
  text: string;
  confirmLabel: string;
  /** The confirming button's colour: red for what cannot be undone. */
  color?: string;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** A change that needs no input, confirmed first (unblock, remove, withdraw, give up access). */
export function ConfirmModal({ title, text, confirmLabel, color, pending, error, onConfirm, onClose }: ConfirmModalProps) {
  const { t } = useTranslation();

  return (
    <Modal opened onClose={onClose} title={title} centered>
      <Stack gap="md">
        <Text size="sm">{text}</Text>
        <FormError error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={color} loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
