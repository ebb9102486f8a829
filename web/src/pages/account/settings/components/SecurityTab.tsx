import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../../api/identity';
import { ContactSection } from './ContactSection';
import { PasswordSection } from './PasswordSection';
import { TwoFactorSection } from './TwoFactorSection';

export function SecurityTab() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) return null;
  const staffNeedsTotp = me.kind === 'staff' && !me.totpEnabled;

  return (
    <Stack gap="lg" maw={640}>
      {staffNeedsTotp && (
        <Alert color="orange" variant="light" title={t('settings.security.staffTotpTitle')} role="alert">
          {t('settings.security.staffTotpText')}
        </Alert>
      )}
      {/* Staff without two-factor may do nothing else, the rest of this page included. */}
      <TwoFactorSection me={me} />
      {!staffNeedsTotp && (
        <>
          <PasswordSection />
          <ContactSection kind="email" current={me.email} />
          <ContactSection kind="phone" current={me.phone} />
        </>
      )}
    </Stack>
  );
}
