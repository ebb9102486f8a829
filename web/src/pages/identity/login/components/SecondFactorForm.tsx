import { Button, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSecondFactor } from '../../../../api/identity';
import { fieldErrorsOf } from '../../../../api/problem';
import { CodeInput } from '../../../../components/forms/CodeInput';
import { FormError } from '../../../../components/forms/FormError';

interface SecondFactorFormProps {
  onSignedIn: () => void;
  onCancel: () => void;
}

/** The code from the authenticator app, or one of the backup codes when the phone is not at hand. */
export function SecondFactorForm({ onSignedIn, onCancel }: SecondFactorFormProps) {
  const { t } = useTranslation();
  const secondFactor = useSecondFactor();
  const [code, setCode] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    secondFactor.mutate(code.trim(), { onSuccess: onSignedIn });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>{t('login.secondFactor.text')}</Text>
        <FormError error={secondFactor.error} fields={['code']} />
        <CodeInput
          label={t('login.secondFactor.code')}
          description={t('login.secondFactor.backupHint')}
          inputMode="text"
          autoFocus
          value={code}
          onChange={setCode}
          error={fieldErrorsOf(secondFactor.error).code}
        />
        <Button type="submit" loading={secondFactor.isPending} fullWidth>
          {t('login.secondFactor.submit')}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {t('login.secondFactor.back')}
        </Button>
      </Stack>
    </form>
  );
}
