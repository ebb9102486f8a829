import { Button, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompleteRecovery, useResendRecoveryCode, type RecoveryChannel } from '../../../../api/identity';
import { fieldErrorsOf } from '../../../../api/problem';
import { CodeInput } from '../../../../components/forms/CodeInput';
import { FormError } from '../../../../components/forms/FormError';
import { NewPasswordInput } from '../../../../components/forms/NewPasswordInput';
import { ResendCode } from '../../../../components/forms/ResendCode';

interface NewPasswordFormProps {
  flowId: string;
  channel: RecoveryChannel;
  login: string;
  onBack: () => void;
  onDone: () => void;
}

export function NewPasswordForm({ flowId, channel, login, onBack, onDone }: NewPasswordFormProps) {
  const { t } = useTranslation();
  const complete = useCompleteRecovery();
  const resend = useResendRecoveryCode();
  const [values, setValues] = useState({ code: '', password: '' });
  const errors = fieldErrorsOf(complete.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    complete.mutate({ flowId, code: values.code.trim(), password: values.password }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {/* The same words whether or not such a user exists: the page must not reveal who is registered. */}
        <Text>{t(channel === 'sms' ? 'recovery.sentSms' : 'recovery.sentEmail', { login })}</Text>
        <FormError error={complete.error} fields={['code', 'password']} />
        <CodeInput
          autoFocus
          value={values.code}
          onChange={(code) => setValues({ ...values, code })}
          error={errors.code}
        />
        <NewPasswordInput
          value={values.password}
          onChange={(password) => setValues({ ...values, password })}
          error={errors.password}
        />
        <Button type="submit" loading={complete.isPending} fullWidth>
          {t('recovery.submit')}
        </Button>
        <ResendCode onResend={() => resend.mutateAsync(flowId)} />
        <Button variant="subtle" px={0} w="fit-content" onClick={onBack}>
          {t('recovery.changeLogin')}
        </Button>
      </Stack>
    </form>
  );
}
