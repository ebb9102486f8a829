import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateWebhookEndpoint, useIntegrationCatalog, type WebhookEndpointCreated } from '../../../../api/integration';
import { fieldErrorsOf } from '../../../../api/problem';
import { FormError } from '../../../../components/forms/FormError';
import { ShownOnce } from './ShownOnce';

const fields = ['url', 'description', 'eventTypes'] as const;

/** Address, description and events; then the signing secret, once. */
export function CreateWebhookModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('integration');
  const catalog = useIntegrationCatalog();
  const create = useCreateWebhookEndpoint();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const [created, setCreated] = useState<WebhookEndpointCreated | null>(null);
  const errors = fieldErrorsOf(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ url: url.trim(), description: description.trim(), eventTypes }, { onSuccess: setCreated });
  }

  return (
    <Modal opened onClose={onClose} title={t(created ? 'webhooks.createdTitle' : 'webhooks.createTitle')} size="lg" centered closeOnClickOutside={!created}>
      {created ? (
        <Stack gap="md">
          <ShownOnce value={created.secret} warning={t('webhooks.secretShownOnce')} />
          <Button onClick={onClose} w="fit-content">
            {t('tokens.done')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError error={create.error} fields={fields} />
            <TextInput
              label={t('webhooks.url')}
              description={t('webhooks.urlHint')}
              placeholder="https://billing.example.ru/kabinet/webhooks"
              type="url"
              required
              autoComplete="off"
              data-autofocus
              value={url}
              onChange={(event) => setUrl(event.currentTarget.value)}
              error={errors.url}
            />
            <TextInput
              label={t('webhooks.description')}
              maxLength={200}
              autoComplete="off"
              value={description}
              onChange={(event) => setDescription(event.currentTarget.value)}
              error={errors.description}
            />
            <Checkbox.Group label={t('webhooks.events')} description={t('webhooks.eventsHint')} value={eventTypes} onChange={setEventTypes} error={errors.eventTypes} withAsterisk>
              <Stack gap="xs" mt="xs">
                {(catalog.data?.eventTypes ?? []).map((type) => (
                  <Checkbox key={type} value={type} label={t(`eventTypes.${type}`)} description={type} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                {t('webhooks.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
