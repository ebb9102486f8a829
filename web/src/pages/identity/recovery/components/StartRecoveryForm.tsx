import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStartRecovery, type RecoveryChannel } from '../../../../api/identity';
import { fieldErrorsOf } from '../../../../api/problem';
import { FormError } from '../../../../components/forms/FormError';

interface StartRecoveryFormProps {
  onStarted: (flowId: string, channel: RecoveryChannel, login: string) => void;
}

export function StartRecoveryForm({ onStarted }: StartRecoveryFormProps) {
  const { t } = useTranslation();
  const recovery = useStartRecovery();
  const [login, setLogin] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = login.trim();
    recovery.mutate(trimmed, { onSuccess: (result) => onStarted(result.flowId, result.channel, trimmed) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>{t('recovery.intro')}</Text>
        <FormError error={recovery.error} fields={['login']} />
        <TextInput
          label={t('recovery.login')}
          autoComplete="username"
          required
          value={login}
          onChange={(event) => setLogin(event.currentTarget.value)}
          error={fieldErrorsOf(recovery.error).login}
        />
        <Button type="submit" loading={recovery.isPending} fullWidth>
          {t('recovery.sendCode')}
        </Button>
      </Stack>
    </form>
  );
}
