import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { loginPath, paths } from '../../../../app/paths';
import type { StoredClaim } from '../claim';

/** «Пройти регистрацию на сервисе, заполнив все поля» — or sign in — and come back here to finish. */
export function AccountStep({ claim, onRestart }: { claim: StoredClaim; onRestart: () => void }) {
  const { t } = useTranslation('subscribers');
  const back = paths.businessSubscriber;
  return (
    <Stack gap="md">
      <Text fw={600}>{t('account.title')}</Text>
      <Text>{t('account.text', { code: claim.subscriberCode })}</Text>
      <Text size="sm" c="dimmed">
        {t('account.hint')}
      </Text>
      <Stack gap="sm" align="flex-start">
        <Button component={Link} to={`${paths.register}?${new URLSearchParams({ next: back })}`}>
          {t('account.register')}
        </Button>
        <Button component={Link} to={loginPath(back)} variant="light">
          {t('account.login')}
        </Button>
        <Button variant="subtle" px={0} onClick={onRestart}>
          {t('account.restart')}
        </Button>
      </Stack>
    </Stack>
  );
}
