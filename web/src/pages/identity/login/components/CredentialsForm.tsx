import { Anchor, Button, Checkbox, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLogin } from '../../../../api/identity';
import { fieldErrorsOf } from '../../../../api/problem';
import { paths } from '../../../../app/paths';
import { FormError } from '../../../../components/forms/FormError';

const fields = ['login', 'password'] as const;

interface CredentialsFormProps {
  onSignedIn: () => void;
  onSecondFactor: () => void;
}

export function CredentialsForm({ onSignedIn, onSecondFactor }: CredentialsFormProps) {
  const { t } = useTranslation();
  const login = useLogin();
  const [values, setValues] = useState({ login: '', password: '', remember: false });
  const errors = fieldErrorsOf(login.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    login.mutate(
      { login: values.login.trim(), password: values.password, remember: values.remember },
      { onSuccess: (result) => (result.status === 'signed_in' ? onSignedIn() : onSecondFactor()) },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={login.error} fields={fields} />
        <TextInput
          label={t('login.login')}
          description={t('login.loginHint')}
          autoComplete="username"
          required
          value={values.login}
          onChange={(event) => setValues({ ...values, login: event.currentTarget.value })}
          error={errors.login}
        />
        <PasswordInput
          label={t('login.password')}
          autoComplete="current-password"
          required
          value={values.password}
          onChange={(event) => setValues({ ...values, password: event.currentTarget.value })}
          error={errors.password}
        />
        <Group justify="space-between" gap="sm">
          <Checkbox
            label={t('login.remember')}
            checked={values.remember}
            onChange={(event) => setValues({ ...values, remember: event.currentTarget.checked })}
          />
          <Anchor component={Link} to={paths.recovery} size="sm">
            {t('login.forgot')}
          </Anchor>
        </Group>
        <Button type="submit" loading={login.isPending} fullWidth>
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
