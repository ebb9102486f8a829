import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePublicSettings } from '../../../../api/settings';
import type { SubscriberRegistration } from '../../../../api/subscribers';
import { paths } from '../../../../app/paths';
import { PaperButtons } from './PaperButtons';

/** «Вы зарегистрировались» with the seed's warning: print the two papers before entering the cabinet. */
export function RegisteredStep({ registration }: { registration: SubscriberRegistration }) {
  const { t } = useTranslation('subscribers');
  const settings = usePublicSettings().data;
  const provider = settings?.name ?? t('done.theProvider');

  return (
    <Stack gap="md">
      <Text>{t('done.text', { name: registration.customerName, code: registration.subscriberCode })}</Text>
      <Alert color="red" variant="light" title={t('done.attention')} role="note">
        {t('done.warning')}
      </Alert>
      <PaperButtons customerId={registration.customerId} />
      <Text>{t('done.bring', { provider })}</Text>
      {settings && (settings.supportPhones.length > 0 || settings.supportEmail || settings.supportHours) && (
        <Stack gap={2}>
          {settings.supportPhones.length > 0 && <Text size="sm">{t('done.phones', { phones: settings.supportPhones.join(', ') })}</Text>}
          {settings.supportEmail && <Text size="sm">{t('done.email', { email: settings.supportEmail })}</Text>}
          {settings.supportHours && <Text size="sm">{t('done.hours', { hours: settings.supportHours })}</Text>}
        </Stack>
      )}
      <Text size="sm" c="dimmed">
        {t('done.only', { provider })}
      </Text>
      <Button component={Link} to={paths.cabinet} w="fit-content">
        {t('done.enter')}
      </Button>
    </Stack>
  );
}
