import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { PageTitle } from '../../../components/PageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();

  return (
    <Stack gap="md" maw={640}>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Title order={1}>{t('notFound.title')}</Title>
      <Text c="dimmed">{t('notFound.text')}</Text>
      <Button component={Link} to={paths.home} variant="light" w="fit-content">
        {t('notFound.back')}
      </Button>
    </Stack>
  );
}
