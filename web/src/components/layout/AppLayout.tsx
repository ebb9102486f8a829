import { AppShell, Container, Drawer, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useMe } from '../../api/identity';
import { usePublicSettings } from '../../api/settings';
import { ApiErrorAlert } from '../ApiErrorAlert';
import { CustomerSwitch } from './CustomerSwitch';
import { MainNav } from './MainNav';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

const headerHeight = 64;

export function AppLayout() {
  const { t } = useTranslation();
  const [menuOpened, menu] = useDisclosure(false);
  const settings = usePublicSettings();
  const me = useMe().data;

  return (
    <AppShell header={{ height: headerHeight }} display="flex" mih="100dvh" style={{ flexDirection: 'column' }}>
      <AppShell.Header>
        <SiteHeader settings={settings} menuOpened={menuOpened} onMenuToggle={menu.toggle} />
      </AppShell.Header>
      <Drawer
        opened={menuOpened}
        onClose={menu.close}
        title={t('nav.menu')}
        closeButtonProps={{ 'aria-label': t('nav.closeMenu') }}
        position="right"
        size="xs"
        hiddenFrom="sm"
      >
        <Stack gap="md">
          {me?.kind === 'customer' && <CustomerSwitch fullWidth />}
          <MainNav orientation="vertical" onNavigate={menu.close} />
        </Stack>
      </Drawer>
      <AppShell.Main flex={1} mih="auto">
        <Container size="lg" py="xl">
          {settings.isError && (
            <ApiErrorAlert error={settings.error} title={t('errors.settingsTitle')} onRetry={() => void settings.refetch()} mb="lg" />
          )}
          <Outlet />
        </Container>
      </AppShell.Main>
      <SiteFooter settings={settings.data} />
    </AppShell>
  );
}
