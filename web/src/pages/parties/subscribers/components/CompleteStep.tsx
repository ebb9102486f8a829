import { Anchor, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemCode } from '../../../../api/problem';
import { useCompleteSubscriberRegistration, type SubscriberRegistration } from '../../../../api/subscribers';
import { paths } from '../../../../app/paths';
import { FormError } from '../../../../components/forms/FormError';
import type { StoredClaim } from '../claim';

interface CompleteStepProps {
  claim: StoredClaim;
  onDone: (registration: SubscriberRegistration) => void;
  onRestart: () => void;
}

/** Signed in with a confirmed code: the registration completes at once («ПОЯВИЛОСЬ ОКНО: «Вы зарегистрировались»»). */
export function CompleteStep({ claim, onDone, onRestart }: CompleteStepProps) {
  const { t } = useTranslation('subscribers');
  const complete = useCompleteSubscriberRegistration();
  const started = useRef(false);
  const { mutate } = complete;

  useEffect(() => {
    // Once per claim, also under React's development double effects; the server answers a retry the same anyway.
    if (started.current) return;
    started.current = true;
    mutate(claim.claimToken, { onSuccess: onDone });
  }, [claim.claimToken, mutate, onDone]);

  if (complete.isError) {
    const code = problemCode(complete.error);
    return (
      <Stack gap="md">
        <FormError error={complete.error} />
        {code === 'subscriber_has_head' && (
          <Text size="sm">
            <Anchor component={Link} to={paths.business}>
              {t('complete.joinLink')}
            </Anchor>
          </Text>
        )}
        <Button variant="light" onClick={onRestart} w="fit-content">
          {t('complete.restart')}
        </Button>
      </Stack>
    );
  }
  return (
    <Center py="md">
      <Stack align="center" gap="xs">
        <Loader aria-label={t('complete.pending')} />
        <Text size="sm">{t('complete.pending')}</Text>
      </Stack>
    </Center>
  );
}
