import { Checkbox, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateApiToken, useIntegrationCatalog, type ApiTokenCreated } from '../../../../api/integration';
import { fieldErrorsOf } from '../../../../api/problem';
import { CreateWithSecretModal } from './CreateWithSecretModal';

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

  return (
    <CreateWithSecretModal
      title={t('tokens.createTitle')}
      createdTitle={t('tokens.createdTitle')}
      secret={created?.token ?? null}
      warning={t('tokens.shownOnce')}
      hint={t('tokens.usage')}
      submitLabel={t('tokens.submit')}
      pending={create.isPending}
      error={create.error}
      fields={fields}
      onSubmit={() => {
        const expiresAt = validity === 'none' ? null : new Date(Date.now() + Number(validity) * 24 * 60 * 60_000).toISOString();
        create.mutate({ name: name.trim(), scopes, expiresAt }, { onSuccess: setCreated });
      }}
      onClose={onClose}
    >
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
    </CreateWithSecretModal>
  );
}
