import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ApiError } from '../../../api/problem';
import { paths } from '../../../app/paths';
import { PageTitle } from '../../../components/PageTitle';
import { NotFoundPage } from '../not-found/NotFoundPage';

export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();

  // An API answer of 404 means the thing asked for is not there, or not for this user to see.
  if ((isRouteErrorResponse(error) || error instanceof ApiError) && error.status === 404) return <NotFoundPage />;
  const reason = error instanceof ApiError && error.problem ? error.problem.title : t('errors.pageText');

  return (
    <Stack gap="md" maw={640} role="alert">
      <PageTitle>{t('errors.pageTitle')}</PageTitle>
      <Title order={1}>{t('errors.pageTitle')}</Title>
      <Text c="dimmed">{reason}</Text>
      <Group gap="sm">
        <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>
        {/* A full page load, not a client navigation: the app's state may be what broke. */}
        <Button component="a" href={paths.home} variant="light">
          {t('errors.back')}
        </Button>
      </Group>
    </Stack>
  );
}
