import { Button, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmRegistration, useResendRegistrationCode } from '../../../../api/identity';
import { fieldErrorsOf } from '../../../../api/problem';
import { CodeInput } from '../../../../components/forms/CodeInput';
import { FormError } from '../../../../components/forms/FormError';
import { ResendCode } from '../../../../components/forms/ResendCode';

interface ConfirmEmailStepProps {
  flowId: string;
  email: string;
  onBack: () => void;
  onConfirmed: (phoneFlowId: string | null) => void;
}

export function ConfirmEmailStep({ flowId, email, onBack, onConfirmed }: ConfirmEmailStepProps) {
  const { t } = useTranslation();
  const confirm = useConfirmRegistration();
  const resend = useResendRegistrationCode();
  const [code, setCode] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    confirm.mutate({ flowId, code: code.trim() }, { onSuccess: (result) => onConfirmed(result.phoneFlowId) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fw={600}>{t('register.emailStep.title')}</Text>
        <Text>{t('register.emailStep.sent', { email })}</Text>
        <FormError error={confirm.error} fields={['code']} />
        <CodeInput autoFocus value={code} onChange={setCode} error={fieldErrorsOf(confirm.error).code} />
        <Button type="submit" loading={confirm.isPending} fullWidth>
          {t('register.emailStep.submit')}
        </Button>
        <ResendCode onResend={() => resend.mutateAsync(flowId)} />
        <Button variant="subtle" px={0} w="fit-content" onClick={onBack}>
          {t('register.emailStep.back')}
        </Button>
      </Stack>
    </form>
  );
}
