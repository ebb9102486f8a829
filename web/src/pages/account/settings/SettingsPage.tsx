import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { paths } from '../../../app/paths';
import { PageTitle } from '../../../components/PageTitle';
import { ReauthProvider } from '../../../components/ReauthProvider';

const tabs = [
  { key: 'profile', path: paths.settingsProfile },
  { key: 'security', path: paths.settingsSecurity },
  { key: 'sessions', path: paths.settingsSessions },
  { key: 'activity', path: paths.settingsActivity },
  { key: 'notifications', path: paths.settingsNotifications },
  { key: 'hacked', path: paths.settingsHacked },
] as const;

/** Account settings, one tab per address so that a tab can be linked to and survives a reload. */
export function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = tabs.find((tab) => pathname.startsWith(tab.path)) ?? tabs[0];

  return (
    <ReauthProvider>
      <Stack gap="lg">
        <PageTitle>{`${t(`settings.tabs.${active.key}`)} — ${t('settings.title')}`}</PageTitle>
        <Title order={1}>{t('settings.title')}</Title>
        <Tabs value={active.key} onChange={(key) => void navigate(tabs.find((tab) => tab.key === key)?.path ?? paths.settings)}>
          <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.key} value={tab.key} color={tab.key === 'hacked' ? 'red' : undefined} ml={tab.key === 'hacked' ? 'auto' : undefined}>
                {t(`settings.tabs.${tab.key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Outlet />
      </Stack>
    </ReauthProvider>
  );
}
