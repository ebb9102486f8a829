import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useConfirmEmailChange,
  useConfirmPhone,
  useRemovePhone,
  useResendEmailCode,
  useResendPhoneCode,
  useStartEmailChange,
  useStartPhoneChange,
} from '../../../../api/account';
import { fieldErrorsOf } from '../../../../api/problem';
import { CodeInput } from '../../../../components/forms/CodeInput';
import { FormError } from '../../../../components/forms/FormError';
import { ResendCode } from '../../../../components/forms/ResendCode';
import { SavedNote } from './SavedNote';

type Kind = 'email' | 'phone';
type Step = { kind: 'view' } | { kind: 'enter' } | { kind: 'code'; flowId: string; value: string };

interface ContactSectionProps {
  kind: Kind;
  current: string | null;
}

/** The email address or the phone: a new one takes effect once the code sent to it is entered. */
export function ContactSection({ kind, current }: ContactSectionProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'view' });
  const [changed, setChanged] = useState(false);
  const removePhone = useRemovePhone();
  const headingId = `${kind}-heading`;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="md">
        {t(`settings.${kind}.title`)}
      </Title>
      <Stack gap="md">
        <Text>{current ?? t('settings.phone.none')}</Text>
        {changed && step.kind === 'view' && <SavedNote>{t(`settings.${kind}.changed`)}</SavedNote>}
        {step.kind === 'view' && (
          <Group gap="sm">
            <Button variant="light" onClick={() => setStep({ kind: 'enter' })}>
              {t(current ? `settings.${kind}.change` : 'settings.phone.add')}
            </Button>
            {kind === 'phone' && current && (
              <Button
                variant="subtle"
                color="red"
                loading={removePhone.isPending}
                onClick={() => {
                  if (window.confirm(t('settings.phone.removeConfirm'))) removePhone.mutate();
                }}
              >
                {t('settings.phone.remove')}
              </Button>
            )}
          </Group>
        )}
        {kind === 'phone' && <FormError error={removePhone.error} />}
        {step.kind === 'enter' && (
          <EnterContact
            kind={kind}
            onCancel={() => setStep({ kind: 'view' })}
            onStarted={(flowId, value) => setStep({ kind: 'code', flowId, value })}
          />
        )}
        {step.kind === 'code' && (
          <ConfirmContact
            kind={kind}
            flowId={step.flowId}
            value={step.value}
            onCancel={() => setStep({ kind: 'view' })}
            onConfirmed={() => {
              setChanged(true);
              setStep({ kind: 'view' });
            }}
          />
        )}
      </Stack>
    </Card>
  );
}

interface EnterContactProps {
  kind: Kind;
  onCancel: () => void;
  onStarted: (flowId: string, value: string) => void;
}

function EnterContact({ kind, onCancel, onStarted }: EnterContactProps) {
  const { t } = useTranslation();
  const startEmail = useStartEmailChange();
  const startPhone = useStartPhoneChange();
  const start = kind === 'email' ? startEmail : startPhone;
  const [value, setValue] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = value.trim();
    start.mutate(trimmed, { onSuccess: (result) => onStarted(result.flowId, trimmed) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={start.error} fields={[kind]} />
        <TextInput
          label={t(`settings.${kind}.new`)}
          type={kind === 'email' ? 'email' : 'tel'}
          autoComplete={kind === 'email' ? 'email' : 'tel'}
          required
          autoFocus
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={fieldErrorsOf(start.error)[kind]}
        />
        <Group gap="sm">
          <Button type="submit" loading={start.isPending}>
            {t('settings.contact.sendCode')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface ConfirmContactProps {
  kind: Kind;
  flowId: string;
  value: string;
  onCancel: () => void;
  onConfirmed: () => void;
}

function ConfirmContact({ kind, flowId, value, onCancel, onConfirmed }: ConfirmContactProps) {
  const { t } = useTranslation();
  const confirmEmail = useConfirmEmailChange();
  const confirmPhone = useConfirmPhone();
  const resendEmail = useResendEmailCode();
  const resendPhone = useResendPhoneCode();
  const confirm = kind === 'email' ? confirmEmail : confirmPhone;
  const resend = kind === 'email' ? resendEmail : resendPhone;
  const [code, setCode] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    confirm.mutate({ flowId, code: code.trim() }, { onSuccess: onConfirmed });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>{t(`settings.${kind}.codeSent`, { value })}</Text>
        <FormError error={confirm.error} fields={['code']} />
        <CodeInput autoFocus value={code} onChange={setCode} error={fieldErrorsOf(confirm.error).code} />
        <Group gap="sm">
          <Button type="submit" loading={confirm.isPending}>
            {t('settings.contact.confirm')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
        <ResendCode onResend={() => resend.mutateAsync(flowId)} />
      </Stack>
    </form>
  );
}
