import { Button, Checkbox, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStartRegistration } from '../../../../api/identity';
import { fieldErrorsOf } from '../../../../api/problem';
import { FormError } from '../../../../components/forms/FormError';
import { NewPasswordInput } from '../../../../components/forms/NewPasswordInput';

export interface RegistrationValues {
  name: string;
  email: string;
  phone: string;
  password: string;
  acceptTerms: boolean;
  acceptPersonalData: boolean;
}

const fields = ['name', 'email', 'phone', 'password', 'acceptTerms', 'acceptPersonalData'] as const;

interface RegistrationFormProps {
  values: RegistrationValues;
  onChange: (values: RegistrationValues) => void;
  onStarted: (flowId: string) => void;
}

export function RegistrationForm({ values, onChange, onStarted }: RegistrationFormProps) {
  const { t } = useTranslation();
  const registration = useStartRegistration();
  // Consent cannot be implied: without both boxes the form is not sent at all.
  const [consentMissing, setConsentMissing] = useState(false);
  const errors = fieldErrorsOf(registration.error);
  const set = <K extends keyof RegistrationValues>(key: K, value: RegistrationValues[K]) =>
    onChange({ ...values, [key]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!values.acceptTerms || !values.acceptPersonalData) {
      setConsentMissing(true);
      return;
    }
    const phone = values.phone.trim();
    registration.mutate(
      {
        name: values.name.trim(),
        email: values.email.trim(),
        ...(phone ? { phone } : {}),
        password: values.password,
        acceptTerms: true,
        acceptPersonalData: true,
      },
      { onSuccess: (result) => onStarted(result.flowId) },
    );
  }

  const consentError = (accepted: boolean, field: string) =>
    (consentMissing && !accepted ? t('register.consentRequired') : undefined) ?? errors[field];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={registration.error} fields={fields} />
        <TextInput
          label={t('register.name')}
          description={t('register.nameHint')}
          autoComplete="name"
          required
          maxLength={200}
          value={values.name}
          onChange={(event) => set('name', event.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label={t('register.email')}
          description={t('register.emailHint')}
          type="email"
          autoComplete="email"
          required
          value={values.email}
          onChange={(event) => set('email', event.currentTarget.value)}
          error={errors.email}
        />
        <TextInput
          label={t('register.phone')}
          description={t('register.phoneHint')}
          type="tel"
          autoComplete="tel"
          placeholder="+7 900 000-00-00"
          value={values.phone}
          onChange={(event) => set('phone', event.currentTarget.value)}
          error={errors.phone}
        />
        <NewPasswordInput
          label={t('register.password')}
          value={values.password}
          onChange={(password) => set('password', password)}
          error={errors.password}
        />
        <Checkbox
          label={t('register.acceptTerms')}
          checked={values.acceptTerms}
          onChange={(event) => set('acceptTerms', event.currentTarget.checked)}
          error={consentError(values.acceptTerms, 'acceptTerms')}
        />
        <Checkbox
          label={t('register.acceptPersonalData')}
          checked={values.acceptPersonalData}
          onChange={(event) => set('acceptPersonalData', event.currentTarget.checked)}
          error={consentError(values.acceptPersonalData, 'acceptPersonalData')}
        />
        <Button type="submit" loading={registration.isPending} fullWidth>
          {t('register.submit')}
        </Button>
      </Stack>
    </form>
  );
}
