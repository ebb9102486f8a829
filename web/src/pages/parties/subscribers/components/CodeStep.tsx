import { Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../../api/problem';
import { useCheckSubscriberCode, type SubscriberDetail } from '../../../../api/subscribers';
import { FormError } from '../../../../components/forms/FormError';

const CODE = /^\d{1,5}$/;

/** «В строке код абонента ввести Ваш абонентский номер (от 1-5 цифр)» → «Проверить». */
export function CodeStep({ onFound }: { onFound: (code: string, details: SubscriberDetail[]) => void }) {
  const { t } = useTranslation('subscribers');
  const check = useCheckSubscriberCode();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = code.trim();
    if (!CODE.test(value)) {
      setInvalid(true);
      return;
    }
    check.mutate(value, { onSuccess: (result) => onFound(result.subscriberCode, result.details) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={check.error} fields={['subscriberCode']} />
        <TextInput
          label={t('code.label')}
          description={t('code.hint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={5}
          autoFocus
          value={code}
          onChange={(event) => {
            setCode(event.currentTarget.value.replace(/\D/g, ''));
            setInvalid(false);
          }}
          error={invalid ? t('code.invalid') : fieldErrorsOf(check.error).subscriberCode}
          w={{ base: '100%', xs: 260 }}
        />
        <Button type="submit" loading={check.isPending} w="fit-content">
          {t('code.submit')}
        </Button>
      </Stack>
    </form>
  );
}
