import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useCallback, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useReauthenticate } from '../api/account';
import { useMe } from '../api/identity';
import { fieldErrorsOf, problemCode } from '../api/problem';
import { ReauthContext, type ReauthGuard } from '../app/reauth';
import { CodeInput } from './forms/CodeInput';
import { FormError } from './forms/FormError';

interface Waiting {
  resolve: () => void;
  reject: () => void;
}

/**
 * Sensitive changes need a sign-in younger than a quarter of an hour: when the server answers
 * `reauthentication_required`, the password (and the app's code) is asked for, then the request
 * is sent again. Cancelling reports the server's original refusal.
 */
export function ReauthProvider({ children }: { children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  const waiting = useRef<Waiting | null>(null);

  const guard: ReauthGuard = useCallback(async (request) => {
    try {
      return await request();
    } catch (error) {
      if (problemCode(error) !== 'reauthentication_required') throw error;
      await new Promise<void>((resolve, reject) => {
        waiting.current = { resolve, reject: () => reject(error) };
        setOpened(true);
      });
      return request();
    }
  }, []);

  const finish = (confirmed: boolean) => {
    setOpened(false);
    const current = waiting.current;
    waiting.current = null;
    if (confirmed) current?.resolve();
    else current?.reject();
  };

  return (
    <ReauthContext value={guard}>
      {children}
      {opened && <ReauthModal onConfirmed={() => finish(true)} onCancel={() => finish(false)} />}
    </ReauthContext>
  );
}

function ReauthModal({ onConfirmed, onCancel }: { onConfirmed: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const reauthenticate = useReauthenticate();
  const [values, setValues] = useState({ password: '', code: '' });
  const errors = fieldErrorsOf(reauthenticate.error);
  const needsCode = me?.totpEnabled ?? false;

  function submit(event: FormEvent) {
    event.preventDefault();
    const code = values.code.trim();
    reauthenticate.mutate(
      { password: values.password, ...(needsCode && code ? { code } : {}) },
      { onSuccess: onConfirmed },
    );
  }

  return (
    <Modal opened onClose={onCancel} title={t('reauth.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('reauth.text')}</Text>
          <FormError error={reauthenticate.error} fields={['password', 'code']} />
          <PasswordInput
            label={t('reauth.password')}
            autoComplete="current-password"
            required
            data-autofocus
            value={values.password}
            onChange={(event) => setValues({ ...values, password: event.currentTarget.value })}
            error={errors.password}
          />
          {needsCode && (
            <CodeInput
              label={t('login.secondFactor.code')}
              description={t('login.secondFactor.backupHint')}
              inputMode="text"
              value={values.code}
              onChange={(code) => setValues({ ...values, code })}
              error={errors.code}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reauthenticate.isPending}>
              {t('reauth.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
