import { Button, Card, PasswordInput, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../../../api/account';
import { fieldErrorsOf } from '../../../../api/problem';
import { FormError } from '../../../../components/forms/FormError';
import { NewPasswordInput } from '../../../../components/forms/NewPasswordInput';
import { SavedNote } from './SavedNote';

const empty = { currentPassword: '', newPassword: '' };

export function PasswordSection() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [values, setValues] = useState(empty);
  const errors = fieldErrorsOf(change.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate(values, { onSuccess: () => setValues(empty) });
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="password-heading">
      <Title order={2} size="h4" id="password-heading" mb="md">
        {t('settings.password.title')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={change.error} fields={['currentPassword', 'newPassword']} />
          <PasswordInput
            label={t('settings.password.current')}
            autoComplete="current-password"
            required
            value={values.currentPassword}
            onChange={(event) => setValues({ ...values, currentPassword: event.currentTarget.value })}
            error={errors.currentPassword}
          />
          <NewPasswordInput
            value={values.newPassword}
            onChange={(newPassword) => setValues({ ...values, newPassword })}
            error={errors.newPassword}
          />
          {change.isSuccess && <SavedNote>{t('settings.password.changed')}</SavedNote>}
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t('settings.password.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
