import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../api/identity';
import { paths } from '../../../app/paths';
import { safeNext } from '../../../app/redirect';
import { PageTitle } from '../../../components/PageTitle';
import { SubscriberCodeLink } from '../../parties/subscribers/components/SubscriberCodeLink';
import { CredentialsForm } from './components/CredentialsForm';
import { SecondFactorForm } from './components/SecondFactorForm';

/** Messages other pages leave for the sign-in page in the navigation state. */
export type LoginNotice = 'passwordReset' | 'signedOut' | 'accountLocked';

function noticeOf(state: unknown): LoginNotice | undefined {
  const notice = (state as { notice?: unknown } | null)?.notice;
  return notice === 'passwordReset' || notice === 'signedOut' || notice === 'accountLocked' ? notice : undefined;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const me = useMe();
  const [step, setStep] = useState<'credentials' | 'second-factor'>('credentials');
  const next = safeNext(searchParams.get('next'), paths.cabinet);
  const notice = noticeOf(location.state);

  // Someone already signed in has nothing to do here (but not while this page is signing them in).
  if (me.data && step === 'credentials') return <Navigate to={next} replace />;

  const signedIn = () => void navigate(next, { replace: true });

  return (
    <Stack maw={440} mx="auto" gap="lg">
      <PageTitle>{t('login.title')}</PageTitle>
      <Title order={1}>{t('login.title')}</Title>
      {notice && (
        <Alert color={notice === 'accountLocked' ? 'orange' : 'teal'} variant="light" role="status">
          {t(`login.notice.${notice}`)}
        </Alert>
      )}
      <Card withBorder padding="lg">
        {step === 'credentials' ? (
          <CredentialsForm onSignedIn={signedIn} onSecondFactor={() => setStep('second-factor')} />
        ) : (
          <SecondFactorForm onSignedIn={signedIn} onCancel={() => setStep('credentials')} />
        )}
      </Card>
      {step === 'credentials' && (
        <Text size="sm" ta="center">
          {t('login.noAccount')}{' '}
          <Anchor component={Link} to={next === paths.cabinet ? paths.register : `${paths.register}?${new URLSearchParams({ next })}`}>
            {t('login.registerLink')}
          </Anchor>
        </Text>
      )}
      {step === 'credentials' && <SubscriberCodeLink ta="center" />}
    </Stack>
  );
}
