import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../../api/identity';
import { loginPath, paths } from '../../../app/paths';
import { PageTitle } from '../../../components/PageTitle';
import { JoinForm } from './components/JoinForm';
import { MyJoinRequests } from './components/MyJoinRequests';

/**
 * «Присоединиться к компании»: an employee who registered with their own name and email enters the
 * company's INN and asks to join; the moderator and the company's head both approve.
 */
export function JoinPage() {
  const { t } = useTranslation('employees');
  const me = useMe();
  const [searchParams] = useSearchParams();
  const inn = searchParams.get('inn')?.replace(/\D/g, '').slice(0, 12) ?? '';

  return (
    <Stack gap="xl" maw={720}>
      <PageTitle>{t('join.title')}</PageTitle>
      <Stack gap="xs">
        <Title order={1}>{t('join.title')}</Title>
        <Text c="dimmed">{t('join.intro')}</Text>
      </Stack>
      {me.isPending ? null : !me.data ? (
        <SignedOut next={`${paths.joinCompany}${inn ? `?inn=${inn}` : ''}`} />
      ) : me.data.kind === 'staff' ? (
        <Alert color="gray" variant="light">
          {t('join.staff')}
        </Alert>
      ) : (
        <>
          <JoinForm initialInn={inn} />
          <MyJoinRequests />
        </>
      )}
    </Stack>
  );
}

/** The seed's three steps: register as yourself, enter the company's INN, confirm joining. */
function SignedOut({ next }: { next: string }) {
  const { t } = useTranslation('employees');
  return (
    <Stack gap="md">
      <List type="ordered" spacing="xs">
        <List.Item>{t('join.steps.register')}</List.Item>
        <List.Item>{t('join.steps.inn')}</List.Item>
        <List.Item>{t('join.steps.approval')}</List.Item>
      </List>
      <Group gap="sm">
        <Button component={Link} to={`${paths.register}?${new URLSearchParams({ next })}`}>
          {t('join.register')}
        </Button>
        <Button component={Link} to={loginPath(next)} variant="default">
          {t('join.login')}
        </Button>
      </Group>
    </Stack>
  );
}
