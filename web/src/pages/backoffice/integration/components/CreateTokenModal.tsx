import { Button, Checkbox, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateApiToken, useIntegrationCatalog, type ApiTokenCreated } from '../../../../api/integration';
import { fieldErrorsOf } from '../../../../api/problem';
import { FormError } from '../../../../components/forms/FormError';
import { ShownOnce } from './ShownOnce';

const validities = ['none', '30', '90', '365'] as const;
type Validity = (typeof validities)[number];
const fields = ['name', 'scopes', 'expiresAt'] as const;

/** Name, scopes and validity; then the token itself, once, with a copy button. */
export function CreateTokenModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('integration');
  const catalog = useIntegrationCatalog();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [validity, setValidity] = useState<Validity>('none');
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const errors = fieldErrorsOf(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const expiresAt = validity === 'none' ? null : new Date(Date.now() + Number(validity) * 24 * 60 * 60_000).toISOString();
    create.mutate({ name: name.trim(), scopes, expiresAt }, { onSuccess: setCreated });
  }

  return (
    <Modal opened onClose={onClose} title={t(created ? 'tokens.createdTitle' : 'tokens.createTitle')} size="lg" centered closeOnClickOutside={!created}>
      {created ? (
        <Stack gap="md">
          <ShownOnce value={created.token} warning={t('tokens.shownOnce')} hint={t('tokens.usage')} />
          <Button onClick={onClose} w="fit-content">
            {t('tokens.done')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError error={create.error} fields={fields} />
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHint')}
              required
              maxLength={100}
              autoComplete="off"
              data-autofocus
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
            />
            <Checkbox.Group label={t('tokens.scopes')} description={t('tokens.scopesHint')} value={scopes} onChange={setScopes} error={errors.scopes} withAsterisk>
              <Stack gap="xs" mt="xs">
                {(catalog.data?.scopes ?? []).map((item) => (
                  <Checkbox key={item.scope} value={item.scope} label={item.title} description={item.scope} />
                ))}
              </Stack>
            </Checkbox.Group>
            <NativeSelect
              label={t('tokens.validity')}
              value={validity}
              error={errors.expiresAt}
              data={validities.map((value) => ({ value, label: t(`tokens.validityOptions.${value}`) }))}
              onChange={(event) => setValidity(validities.find((value) => value === event.currentTarget.value) ?? 'none')}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                {t('tokens.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
