import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/PageTitle';
import { EntryPoints } from './components/EntryPoints';

export function HomePage() {
  const { t } = useTranslation();

  return (
    <Stack gap="xl">
      <PageTitle>{t('home.title')}</PageTitle>
      <Stack gap="sm" maw={720}>
        <Title order={1}>{t('home.title')}</Title>
        <Text size="lg" c="dimmed">
          {t('home.description')}
        </Text>
      </Stack>
      <EntryPoints />
    </Stack>
  );
}
