import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../api/identity';
import { loginPath, paths } from '../../../app/paths';
import { safeNext } from '../../../app/redirect';
import { PageTitle } from '../../../components/PageTitle';
import { ConfirmEmailStep } from './components/ConfirmEmailStep';
import { ConfirmPhoneStep } from './components/ConfirmPhoneStep';
import { RegistrationForm, type RegistrationValues } from './components/RegistrationForm';

type Step =
  | { kind: 'form' }
  | { kind: 'email'; flowId: string }
  | { kind: 'phone'; phoneFlowId: string };

const emptyValues: RegistrationValues = {
  name: '',
  email: '',
  phone: '',
  password: '',
  acceptTerms: false,
  acceptPersonalData: false,
};

export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  // Flows that need an account first (a subscriber code, a company) send the person here and back.
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'), paths.cabinet);
  const [step, setStep] = useState<Step>({ kind: 'form' });
  // Kept across steps so that «change the details» brings back what was typed.
  const [values, setValues] = useState(emptyValues);

  if (me.data && step.kind === 'form') return <Navigate to={next} replace />;
  const enterCabinet = () => void navigate(next, { replace: true });

  return (
    <Stack maw={520} mx="auto" gap="lg">
      <PageTitle>{t('register.title')}</PageTitle>
      <Title order={1}>{t('register.title')}</Title>
      <Card withBorder padding="lg">
        {step.kind === 'form' && (
          <RegistrationForm
            values={values}
            onChange={setValues}
            onStarted={(flowId) => setStep({ kind: 'email', flowId })}
          />
        )}
        {step.kind === 'email' && (
          <ConfirmEmailStep
            flowId={step.flowId}
            email={values.email.trim()}
            onBack={() => setStep({ kind: 'form' })}
            onConfirmed={(phoneFlowId) =>
              phoneFlowId ? setStep({ kind: 'phone', phoneFlowId }) : enterCabinet()
            }
          />
        )}
        {step.kind === 'phone' && (
          <ConfirmPhoneStep flowId={step.phoneFlowId} phone={values.phone.trim()} onDone={enterCabinet} />
        )}
      </Card>
      {step.kind === 'form' && (
        <Text size="sm" ta="center">
          {t('register.haveAccount')}{' '}
          <Anchor component={Link} to={next === paths.cabinet ? paths.login : loginPath(next)}>
            {t('register.loginLink')}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
