import { Card, Center, Loader, Stack, Stepper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../api/identity';
import type { SubscriberDetail, SubscriberRegistration } from '../../../api/subscribers';
import { PageTitle } from '../../../components/PageTitle';
import { clearClaim, readClaim, saveClaim, type StoredClaim } from './claim';
import { AccountStep } from './components/AccountStep';
import { CodeStep } from './components/CodeStep';
import { CompleteStep } from './components/CompleteStep';
import { ConfirmStep } from './components/ConfirmStep';
import { RegisteredStep } from './components/RegisteredStep';

type Step =
  | { kind: 'code' }
  | { kind: 'confirm'; code: string; details: SubscriberDetail[] }
  | { kind: 'claimed'; claim: StoredClaim }
  | { kind: 'done'; registration: SubscriberRegistration };

const order: Record<Step['kind'], number> = { code: 0, confirm: 1, claimed: 2, done: 3 };

/**
 * «Юридическое лицо» → «Зарегистрируйтесь»: the subscriber code, «Проверить», proof that it is
 * theirs, an account (registration or sign-in, then back here), and the two papers to print.
 */
export function SubscriberRegistrationPage() {
  const { t } = useTranslation('subscribers');
  const me = useMe();
  // A code confirmed before leaving for /register or /login is picked up on the way back.
  const [step, setStep] = useState<Step>(() => {
    const claim = readClaim();
    return claim ? { kind: 'claimed', claim } : { kind: 'code' };
  });
  if (me.isError) throw me.error;

  const restart = () => {
    clearClaim();
    setStep({ kind: 'code' });
  };

  return (
    <Stack gap="lg" maw={640} mx="auto">
      <PageTitle>{t('page.title')}</PageTitle>
      <Stack gap="xs">
        <Title order={1}>{step.kind === 'done' ? t('done.title') : t('page.title')}</Title>
        {step.kind !== 'done' && <Text c="dimmed">{t('page.intro')}</Text>}
      </Stack>
      <Stepper active={order[step.kind]} size="sm" allowNextStepsSelect={false} aria-label={t('steps.label')}>
        <Stepper.Step label={t('steps.code')} />
        <Stepper.Step label={t('steps.confirm')} />
        <Stepper.Step label={t('steps.account')} />
        <Stepper.Step label={t('steps.papers')} />
      </Stepper>
      <Card withBorder padding="lg">
        {me.isPending ? (
          <Center py="md">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : step.kind === 'code' ? (
          <CodeStep onFound={(code, details) => setStep({ kind: 'confirm', code, details })} />
        ) : step.kind === 'confirm' ? (
          <ConfirmStep
            code={step.code}
            details={step.details}
            onBack={restart}
            onConfirmed={(claim) => {
              saveClaim(claim);
              setStep({ kind: 'claimed', claim });
            }}
          />
        ) : step.kind === 'claimed' ? (
          me.data ? (
            <CompleteStep
              claim={step.claim}
              onRestart={restart}
              onDone={(registration) => {
                clearClaim();
                setStep({ kind: 'done', registration });
              }}
            />
          ) : (
            <AccountStep claim={step.claim} onRestart={restart} />
          )
        ) : (
          <RegisteredStep registration={step.registration} />
        )}
      </Card>
    </Stack>
  );
}
