import { Alert, Anchor, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../app/paths';
import { PageTitle } from '../../../components/PageTitle';
import { StaffSetupForm } from './components/StaffSetupForm';

/** Flow ids are UUIDs: anything else in the link was cut or mistyped, and the server would only say 404. */
const FLOW_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The page a staff invitation links to: the emailed code and a new password. It signs nobody in. */
export function StaffSetupPage() {
  const { t } = useTranslation();
  const flowId = useSearchParams()[0].get('flow') ?? '';
  const [done, setDone] = useState(false);

  return (
    <Stack maw={440} mx="auto" gap="lg">
      <PageTitle>{t('staffSetup.title')}</PageTitle>
      <Title order={1}>{t('staffSetup.title')}</Title>
      {done ? (
        <Card withBorder padding="lg">
          <Stack gap="md">
            <Alert color="teal" variant="light" role="status" title={t('staffSetup.doneTitle')}>
              {t('staffSetup.doneText')}
            </Alert>
            <Button component={Link} to={paths.login} fullWidth>
              {t('staffSetup.login')}
            </Button>
          </Stack>
        </Card>
      ) : FLOW_ID.test(flowId) ? (
        <Card withBorder padding="lg">
          <StaffSetupForm flowId={flowId} onDone={() => setDone(true)} />
        </Card>
      ) : (
        <Alert color="red" variant="light" role="alert" title={t('staffSetup.badLinkTitle')}>
          {t('staffSetup.badLinkText')}
        </Alert>
      )}
      {!done && (
        <Text size="sm" ta="center">
          {t('staffSetup.haveAccount')}{' '}
          <Anchor component={Link} to={paths.login}>
            {t('staffSetup.loginLink')}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
