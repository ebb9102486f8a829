import { Alert, Anchor, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../api/identity';
import { paths } from '../../../app/paths';
import { LinkCard } from '../../../components/LinkCard';
import { PageTitle } from '../../../components/PageTitle';
import { AwaitingActivation } from '../../parties/subscribers/components/AwaitingActivation';
import { CurrentCustomer } from './components/CurrentCustomer';

const sections = [
  { key: 'profile', to: paths.settingsProfile },
  { key: 'security', to: paths.settingsSecurity },
  { key: 'sessions', to: paths.settingsSessions },
] as const;

export function CabinetPage() {
  const { t } = useTranslation();
  // The route guard has already waited for the user.
  const me = useMe().data;
  if (!me) return null;

  return (
    <Stack gap="xl">
      <PageTitle>{t('cabinet.title')}</PageTitle>
      <Stack gap="sm" maw={720}>
        <Title order={1}>{t('cabinet.greeting', { name: me.name })}</Title>
        <Text size="lg" c="dimmed">
          {t('cabinet.welcome')}
        </Text>
      </Stack>
      {me.kind === 'customer' && <CurrentCustomer />}
      <AwaitingActivation />
      {(!me.phone || !me.totpEnabled) && (
        <Alert color="blue" variant="light" title={t('cabinet.suggestions.title')} maw={720}>
          <Stack gap={4}>
            {!me.phone && (
              <Anchor component={Link} to={paths.settingsSecurity} size="sm">
                {t('cabinet.suggestions.phone')}
              </Anchor>
            )}
            {!me.totpEnabled && (
              <Anchor component={Link} to={paths.settingsSecurity} size="sm">
                {t('cabinet.suggestions.twoFactor')}
              </Anchor>
            )}
          </Stack>
        </Alert>
      )}
      <section aria-labelledby="cabinet-settings-heading">
        <Title order={2} size="h3" id="cabinet-settings-heading" mb="md">
          {t('cabinet.settingsHeading')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          {sections.map((section) => (
            <LinkCard
              key={section.key}
              title={t(`cabinet.sections.${section.key}.title`)}
              text={t(`cabinet.sections.${section.key}.text`)}
              action={t(`cabinet.sections.${section.key}.action`)}
              to={section.to}
            />
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
