import { Button, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmPhone, useResendPhoneCode } from '../../../../api/account';
import { fieldErrorsOf } from '../../../../api/problem';
import { CodeInput } from '../../../../components/forms/CodeInput';
import { FormError } from '../../../../components/forms/FormError';
import { ResendCode } from '../../../../components/forms/ResendCode';

interface ConfirmPhoneStepProps {
  flowId: string;
  phone: string;
  onDone: () => void;
}

/** Registration is complete and the user signed in; the phone is confirmed now or later in settings. */
export function ConfirmPhoneStep({ flowId, phone, onDone }: ConfirmPhoneStepProps) {
  const { t } = useTranslation();
  const confirm = useConfirmPhone();
  const resend = useResendPhoneCode();
  const [code, setCode] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    confirm.mutate({ flowId, code: code.trim() }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fw={600}>{t('register.phoneStep.title')}</Text>
        <Text>{t('register.phoneStep.sent', { phone })}</Text>
        <FormError error={confirm.error} fields={['code']} />
        <CodeInput
          label={t('register.phoneStep.code')}
          autoFocus
          value={code}
          onChange={setCode}
          error={fieldErrorsOf(confirm.error).code}
        />
        <Button type="submit" loading={confirm.isPending} fullWidth>
          {t('register.phoneStep.submit')}
        </Button>
        <ResendCode onResend={() => resend.mutateAsync(flowId)} />
        <Text size="sm" c="dimmed">
          {t('register.phoneStep.skipHint')}
        </Text>
        <Button variant="subtle" px={0} w="fit-content" onClick={onDone}>
          {t('register.phoneStep.skip')}
        </Button>
      </Stack>
    </form>
  );
}
