import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../app/paths';
import { PageTitle } from './PageTitle';

/** An honest placeholder for a section whose feature has not shipped yet. */
export function ComingSoon({ heading }: { heading: string }) {
  const { t } = useTranslation();

  return (
    <Stack gap="md" maw={640}>
      <PageTitle>{heading}</PageTitle>
      <Title order={1}>{heading}</Title>
      <Title order={2} size="h3" fw={500}>
        {t('comingSoon.title')}
      </Title>
      <Text c="dimmed">{t('comingSoon.text')}</Text>
      <Button component={Link} to={paths.home} variant="light" w="fit-content">
        {t('comingSoon.back')}
      </Button>
    </Stack>
  );
}
