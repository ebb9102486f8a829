import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../../components/forms/FormError';
import { ShownOnce } from './ShownOnce';

interface CreateWithSecretModalProps {
  title: string;
  createdTitle: string;
  /** The secret the server gave back; until then, the form. */
  secret: string | null;
  warning: string;
  hint?: string;
  submitLabel: string;
  pending: boolean;
  error: Error | null;
  /** The fields whose errors stand under them; the rest go to the form's error. */
  fields: readonly string[];
  onSubmit: () => void;
  onClose: () => void;
  /** The form's fields. */
  children: ReactNode;
}

/** A form that creates an API token or a webhook endpoint, then shows its secret once with a copy button. */
export function CreateWithSecretModal({ title, createdTitle, secret, warning, hint, submitLabel, pending, error, fields, onSubmit, onClose, children }: CreateWithSecretModalProps) {
  const { t } = useTranslation('integration');

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <Modal opened onClose={onClose} title={secret !== null ? createdTitle : title} size="lg" centered closeOnClickOutside={secret === null}>
      {secret !== null ? (
        <Stack gap="md">
          <ShownOnce value={secret} warning={warning} hint={hint} />
          <Button onClick={onClose} w="fit-content">
            {t('tokens.done')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError error={error} fields={fields} />
            {children}
            <Group justify="flex-end">
              <Button type="submit" loading={pending}>
                {submitLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
