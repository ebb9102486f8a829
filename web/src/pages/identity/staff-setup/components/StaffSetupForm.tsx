import { Button, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompleteStaffInvitation } from '../../../../api/identity';
import { fieldErrorsOf } from '../../../../api/problem';
import { CodeInput } from '../../../../components/forms/CodeInput';
import { FormError } from '../../../../components/forms/FormError';
import { NewPasswordInput } from '../../../../components/forms/NewPasswordInput';

interface StaffSetupFormProps {
  flowId: string;
  onDone: () => void;
}

export function StaffSetupForm({ flowId, onDone }: StaffSetupFormProps) {
  const { t } = useTranslation();
  const complete = useCompleteStaffInvitation();
  const [values, setValues] = useState({ code: '', password: '' });
  const errors = fieldErrorsOf(complete.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    complete.mutate({ flowId, code: values.code.trim(), password: values.password }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>{t('staffSetup.intro')}</Text>
        <FormError error={complete.error} fields={['code', 'password']} />
        <CodeInput
          label={t('staffSetup.code')}
          autoFocus
          value={values.code}
          onChange={(code) => setValues({ ...values, code })}
          error={errors.code}
        />
        <NewPasswordInput
          label={t('staffSetup.password')}
          value={values.password}
          onChange={(password) => setValues({ ...values, password })}
          error={errors.password}
        />
        <Button type="submit" loading={complete.isPending} fullWidth>
          {t('staffSetup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
