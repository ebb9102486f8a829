import { Button, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { retryAfterOf } from '../../api/problem';
import { FormError } from './FormError';

/** The server lets a code be sent again once a minute. */
const RESEND_INTERVAL_SECONDS = 60;

interface ResendCodeProps {
  onResend: () => Promise<unknown>;
}

/** «Send the code again», available once the countdown since the last message has run out. */
export function ResendCode({ onResend }: ResendCodeProps) {
  const { t } = useTranslation();
  const [secondsLeft, setSecondsLeft] = useState(RESEND_INTERVAL_SECONDS);
  const [pending, setPending] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = window.setTimeout(() => setSecondsLeft((left) => left - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [secondsLeft]);

  async function resend() {
    setPending(true);
    setError(null);
    setSent(false);
    try {
      await onResend();
      setSent(true);
      setSecondsLeft(RESEND_INTERVAL_SECONDS);
    } catch (failure) {
      const retryAfter = retryAfterOf(failure);
      if (retryAfter) setSecondsLeft(retryAfter);
      else setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      {sent && (
        <Text size="sm" c="teal" role="status">
          {t('code.resent')}
        </Text>
      )}
      <FormError error={error} />
      {secondsLeft > 0 ? (
        <Text size="sm" c="dimmed">
          {t('code.resendIn', { seconds: secondsLeft })}
        </Text>
      ) : (
        <Button variant="subtle" px={0} w="fit-content" loading={pending} onClick={() => void resend()}>
          {t('code.resend')}
        </Button>
      )}
    </>
  );
}
