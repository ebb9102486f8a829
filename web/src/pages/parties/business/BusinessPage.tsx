import { Anchor, Button, Card, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../api/identity';
import { loginPath, paths } from '../../../app/paths';
import { PageTitle } from '../../../components/PageTitle';
import { SubscriberCodeLink } from '../subscribers/components/SubscriberCodeLink';
import { CompanyForm } from './components/CompanyForm';
import { MyCompanies } from './components/MyCompanies';
import { RegistrationDone, type Outcome } from './components/RegistrationDone';
import { joinPagePath } from './join-path';

/**
 * «Юр. лицам»: a visitor is asked to sign in or register first; a signed-in customer registers a
 * company (filled in from the registry by INN) and follows their companies' moderation here.
 */
export function BusinessPage() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('companies');
  const me = useMe();
  // After a registration the form gives way to what happened; «another company» brings it back.
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (me.isError) throw me.error;

  return (
    <Stack gap="xl" maw={760}>
      <PageTitle>{t('pages.business')}</PageTitle>
      <Stack gap="sm">
        <Title order={1}>{t('pages.business')}</Title>
        <Text c="dimmed">{tc('business.intro')}</Text>
        <SubscriberCodeLink />
      </Stack>
      {me.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : !me.data ? (
        <SignedOut />
      ) : me.data.kind === 'staff' ? (
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Text>{tc('business.staffText')}</Text>
            <Button component={Link} to={paths.backofficeCompanies} variant="light" w="fit-content">
              {tc('business.staffLink')}
            </Button>
          </Stack>
        </Card>
      ) : (
        <>
          <MyCompanies />
          <Card withBorder padding="lg" component="section" aria-labelledby="company-form-heading">
            <Stack gap="md">
              <Title order={2} size="h3" id="company-form-heading">
                {tc('form.title')}
              </Title>
              {outcome ? (
                <RegistrationDone outcome={outcome} onAgain={() => setOutcome(null)} />
              ) : (
                <CompanyForm onDone={setOutcome} />
              )}
            </Stack>
          </Card>
          <Text size="sm">
            {tc('business.joinHint')}{' '}
            <Anchor component={Link} to={joinPagePath()}>
              {tc('business.joinLink')}
            </Anchor>
          </Text>
        </>
      )}
    </Stack>
  );
}

function SignedOut() {
  const { t } = useTranslation('companies');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="business-signed-out-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="business-signed-out-heading">
          {t('business.signedOutTitle')}
        </Title>
        <Text>{t('business.signedOutText')}</Text>
        <Group gap="sm">
          <Button component={Link} to={loginPath(paths.business)}>
            {t('business.login')}
          </Button>
          <Button component={Link} to={`${paths.register}?${new URLSearchParams({ next: paths.business })}`} variant="light">
            {t('business.register')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('business.joinHint')}
        </Text>
      </Stack>
    </Card>
  );
}
