import { Alert, Button, Card, Loader, Stack, Switch } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount, useUpdateNotifications, type Account } from '../../../../api/account';
import { FormError } from '../../../../components/forms/FormError';
import { SavedNote } from './SavedNote';

export function NotificationsTab() {
  const account = useAccount();
  if (account.isPending) return <Loader />;
  if (account.isError) throw account.error;
  return <NotificationsForm account={account.data} />;
}

function NotificationsForm({ account }: { account: Account }) {
  const { t } = useTranslation();
  const update = useUpdateNotifications();
  const [values, setValues] = useState({ marketing: account.marketingOptIn, sms: account.notifyBySms });

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(values);
  }

  return (
    <Card withBorder padding="lg" maw={640}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Alert color="blue" variant="light">
            {t('settings.notifications.serviceNotice')}
          </Alert>
          <FormError error={update.error} />
          <Switch
            label={t('settings.notifications.marketing')}
            description={t('settings.notifications.marketingHint')}
            checked={values.marketing}
            onChange={(event) => setValues({ ...values, marketing: event.currentTarget.checked })}
          />
          <Switch
            label={t('settings.notifications.sms')}
            description={t(account.phone ? 'settings.notifications.smsHint' : 'settings.notifications.smsNoPhone')}
            disabled={!account.phone}
            checked={values.sms && Boolean(account.phone)}
            onChange={(event) => setValues({ ...values, sms: event.currentTarget.checked })}
          />
          {update.isSuccess && <SavedNote>{t('settings.saved')}</SavedNote>}
          <Button type="submit" loading={update.isPending} w="fit-content">
            {t('settings.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
