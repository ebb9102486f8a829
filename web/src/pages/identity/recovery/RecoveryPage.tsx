import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { RecoveryChannel } from '../../../api/identity';
import { paths } from '../../../app/paths';
import { PageTitle } from '../../../components/PageTitle';
import { NewPasswordForm } from './components/NewPasswordForm';
import { StartRecoveryForm } from './components/StartRecoveryForm';

type Step = { kind: 'start' } | { kind: 'code'; flowId: string; channel: RecoveryChannel; login: string };

export function RecoveryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [step, setStep] = useState<Step>({ kind: 'start' });
  // Set by «my account was hacked»: the sessions are gone and this is the way back in.
  const afterHack = (useLocation().state as { notice?: unknown } | null)?.notice === 'hacked';

  return (
    <Stack maw={440} mx="auto" gap="lg">
      <PageTitle>{t('recovery.title')}</PageTitle>
      <Title order={1}>{t('recovery.title')}</Title>
      {afterHack && (
        <Alert color="orange" variant="light" role="status" title={t('recovery.hacked.title')}>
          {t('recovery.hacked.text')}
        </Alert>
      )}
      <Card withBorder padding="lg">
        {step.kind === 'start' ? (
          <StartRecoveryForm onStarted={(flowId, channel, login) => setStep({ kind: 'code', flowId, channel, login })} />
        ) : (
          <NewPasswordForm
            flowId={step.flowId}
            channel={step.channel}
            login={step.login}
            onBack={() => setStep({ kind: 'start' })}
            // Recovery ends every session, this one included: the new password is used to sign in.
            onDone={() => void navigate(paths.login, { replace: true, state: { notice: 'passwordReset' } })}
          />
        )}
      </Card>
      <Text size="sm" ta="center">
        <Anchor component={Link} to={paths.login}>
          {t('recovery.backToLogin')}
        </Anchor>
      </Text>
    </Stack>
  );
}
