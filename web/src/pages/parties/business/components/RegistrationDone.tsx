import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanyRegistered, JoinRequested } from '../../../../api/companies';
import { joinPagePath } from '../join-path';

export type Outcome = CompanyRegistered | JoinRequested;

/** What the registration did: a company waiting for the moderator, or a join request to someone else's. */
export function RegistrationDone({ outcome, onAgain }: { outcome: Outcome; onAgain: () => void }) {
  const { t } = useTranslation('companies');

  return (
    <Stack gap="md">
      {'company' in outcome ? (
        <Alert color="teal" variant="light" role="status" title={t('success.title')}>
          <Text size="sm">{t('success.text')}</Text>
        </Alert>
      ) : (
        <Alert color="blue" variant="light" role="status" title={t('joinRequested.title', { name: outcome.joinRequest.companyName })}>
          <Stack gap="xs">
            <Text size="sm">{t('joinRequested.text')}</Text>
            <Button component={Link} to={joinPagePath()} size="xs" variant="white" w="fit-content">
              {t('joinRequested.link')}
            </Button>
          </Stack>
        </Alert>
      )}
      <Button variant="light" w="fit-content" onClick={onAgain}>
        {t('success.again')}
      </Button>
    </Stack>
  );
}
