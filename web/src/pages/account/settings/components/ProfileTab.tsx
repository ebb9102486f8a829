import { Button, Card, Loader, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount, useUpdateProfile, type Account } from '../../../../api/account';
import { fieldErrorsOf } from '../../../../api/problem';
import { chooseLanguage, isLanguage, languages } from '../../../../i18n';
import { FormError } from '../../../../components/forms/FormError';
import { SavedNote } from './SavedNote';

export function ProfileTab() {
  const account = useAccount();
  if (account.isPending) return <Loader />;
  if (account.isError) throw account.error;
  return <ProfileForm account={account.data} />;
}

function ProfileForm({ account }: { account: Account }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const [values, setValues] = useState({ name: account.name, locale: account.locale });
  const errors = fieldErrorsOf(update.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      { name: values.name.trim(), locale: values.locale },
      // The language of messages is the language of the interface too.
      { onSuccess: () => void chooseLanguage(values.locale) },
    );
  }

  return (
    <Card withBorder padding="lg" maw={560}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={update.error} fields={['name', 'locale']} />
          <TextInput
            label={t('settings.profile.name')}
            autoComplete="name"
            required
            maxLength={200}
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
            error={errors.name}
          />
          <NativeSelect
            label={t('settings.profile.locale')}
            description={t('settings.profile.localeHint')}
            data={languages.map((language) => ({ value: language, label: t(`language.${language}`) }))}
            value={values.locale}
            onChange={(event) => {
              const locale = event.currentTarget.value;
              if (isLanguage(locale)) setValues({ ...values, locale });
            }}
            error={errors.locale}
          />
          {update.isSuccess && <SavedNote>{t('settings.saved')}</SavedNote>}
          <Button type="submit" loading={update.isPending} w="fit-content">
            {t('settings.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
