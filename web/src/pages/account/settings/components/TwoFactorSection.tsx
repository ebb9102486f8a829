import { Badge, Button, Card, Group, Image, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAccount,
  useDisableTwoFactor,
  useEnableTwoFactor,
  useRegenerateBackupCodes,
  useSetUpTwoFactor,
  type TwoFactorSetup,
} from '../../../../api/account';
import type { Me } from '../../../../api/identity';
import { fieldErrorsOf } from '../../../../api/problem';
import { CodeInput } from '../../../../components/forms/CodeInput';
import { FormError } from '../../../../components/forms/FormError';
import { BackupCodes } from './BackupCodes';

export function TwoFactorSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  // Shown once, right after they are made; leaving the page forgets them.
  const [backupCodes, setBackupCodes] = useState<string[] | null>(null);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="two-factor-heading">
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} size="h4" id="two-factor-heading">
          {t('settings.twoFactor.title')}
        </Title>
        <Badge color={me.totpEnabled ? 'teal' : 'gray'} variant="light">
          {t(me.totpEnabled ? 'settings.twoFactor.on' : 'settings.twoFactor.off')}
        </Badge>
      </Group>
      <Stack gap="md">
        {backupCodes ? (
          <BackupCodes codes={backupCodes} onDone={() => setBackupCodes(null)} />
        ) : me.totpEnabled ? (
          <EnabledTwoFactor onBackupCodes={setBackupCodes} />
        ) : (
          <SetUpTwoFactor onEnabled={setBackupCodes} />
        )}
      </Stack>
    </Card>
  );
}

function SetUpTwoFactor({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const setup = useSetUpTwoFactor();

  if (!setup.data) {
    return (
      <>
        <Text size="sm">{t('settings.twoFactor.intro')}</Text>
        <FormError error={setup.error} />
        <Button w="fit-content" loading={setup.isPending} onClick={() => setup.mutate()}>
          {t('settings.twoFactor.start')}
        </Button>
      </>
    );
  }
  return <EnableTwoFactor setup={setup.data} onEnabled={onEnabled} />;
}

function EnableTwoFactor({ setup, onEnabled }: { setup: TwoFactorSetup; onEnabled: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const enable = useEnableTwoFactor();
  const [code, setCode] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    enable.mutate(code.trim(), { onSuccess: (result) => onEnabled(result.backupCodes) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('settings.twoFactor.scan')}</Text>
        {/* An image, not inline markup: the SVG comes from the server and must not run as part of the page. */}
        <Image
          src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
          alt={t('settings.twoFactor.qrAlt')}
          w={200}
          h={200}
          bg="white"
        />
        <TextInput
          label={t('settings.twoFactor.secret')}
          description={t('settings.twoFactor.secretHint')}
          readOnly
          value={setup.secret}
          ff="monospace"
          onFocus={(event) => event.currentTarget.select()}
        />
        <FormError error={enable.error} fields={['code']} />
        <CodeInput
          label={t('settings.twoFactor.code')}
          value={code}
          onChange={setCode}
          error={fieldErrorsOf(enable.error).code}
        />
        <Button type="submit" w="fit-content" loading={enable.isPending}>
          {t('settings.twoFactor.enable')}
        </Button>
      </Stack>
    </form>
  );
}

function EnabledTwoFactor({ onBackupCodes }: { onBackupCodes: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const account = useAccount();
  const regenerate = useRegenerateBackupCodes();
  const [disabling, setDisabling] = useState(false);

  return (
    <>
      <Text size="sm">{t('settings.twoFactor.enabledText')}</Text>
      {account.data && (
        <Text size="sm" c={account.data.backupCodesLeft > 2 ? 'dimmed' : 'orange.8'}>
          {t('settings.twoFactor.backupLeft', { count: account.data.backupCodesLeft })}
        </Text>
      )}
      <FormError error={regenerate.error} />
      {disabling ? (
        <DisableTwoFactor onCancel={() => setDisabling(false)} />
      ) : (
        <Group gap="sm">
          <Button
            variant="light"
            loading={regenerate.isPending}
            onClick={() => regenerate.mutate(undefined, { onSuccess: (result) => onBackupCodes(result.backupCodes) })}
          >
            {t('settings.twoFactor.regenerate')}
          </Button>
          <Button variant="subtle" color="red" onClick={() => setDisabling(true)}>
            {t('settings.twoFactor.disable')}
          </Button>
        </Group>
      )}
    </>
  );
}

function DisableTwoFactor({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const disable = useDisableTwoFactor();
  const [values, setValues] = useState({ password: '', code: '' });
  const errors = fieldErrorsOf(disable.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    disable.mutate({ password: values.password, code: values.code.trim() });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('settings.twoFactor.disableText')}</Text>
        <FormError error={disable.error} fields={['password', 'code']} />
        <PasswordInput
          label={t('settings.password.current')}
          autoComplete="current-password"
          required
          value={values.password}
          onChange={(event) => setValues({ ...values, password: event.currentTarget.value })}
          error={errors.password}
        />
        <CodeInput
          label={t('login.secondFactor.code')}
          description={t('login.secondFactor.backupHint')}
          inputMode="text"
          value={values.code}
          onChange={(code) => setValues({ ...values, code })}
          error={errors.code}
        />
        <Group gap="sm">
          <Button type="submit" color="red" loading={disable.isPending}>
            {t('settings.twoFactor.disableSubmit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
