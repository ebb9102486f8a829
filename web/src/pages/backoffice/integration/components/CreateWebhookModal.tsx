import { Checkbox, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateWebhookEndpoint, useIntegrationCatalog, type WebhookEndpointCreated } from '../../../../api/integration';
import { fieldErrorsOf } from '../../../../api/problem';
import { CreateWithSecretModal } from './CreateWithSecretModal';

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

  return (
    <CreateWithSecretModal
      title={t('webhooks.createTitle')}
      createdTitle={t('webhooks.createdTitle')}
      secret={created?.secret ?? null}
      warning={t('webhooks.secretShownOnce')}
      submitLabel={t('webhooks.submit')}
      pending={create.isPending}
      error={create.error}
      fields={fields}
      onSubmit={() => create.mutate({ url: url.trim(), description: description.trim(), eventTypes }, { onSuccess: setCreated })}
      onClose={onClose}
    >
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
    </CreateWithSecretModal>
  );
}
