import { Anchor, Box, Burger, Group, Image, Skeleton, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/identity';
import type { PublicSettings } from '../../api/settings';
import { paths } from '../../app/paths';
import { CustomerSwitch } from './CustomerSwitch';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';

interface SiteHeaderProps {
  settings: UseQueryResult<PublicSettings>;
  menuOpened: boolean;
  onMenuToggle: () => void;
}

export function SiteHeader({ settings, menuOpened, onMenuToggle }: SiteHeaderProps) {
  const { t } = useTranslation();
  const me = useMe();

  return (
    <Group h="100%" px="md" gap="md" justify="space-between" wrap="nowrap">
      <Anchor component={Link} to={paths.home} underline="never" c="inherit" miw={0}>
        <Group gap="sm" wrap="nowrap">
          {settings.data?.logoUrl && <Image src={settings.data.logoUrl} alt="" h={36} w="auto" fit="contain" />}
          {settings.isPending ? (
            <Skeleton h={20} w={140} />
          ) : (
            <Text fw={700} size="lg" truncate>
              {settings.data?.name ?? t('app.name')}
            </Text>
          )}
        </Group>
      </Anchor>
      <Group gap="md" wrap="nowrap">
        <MainNav orientation="horizontal" visibleFrom="sm" />
        {me.data?.kind === 'customer' && (
          <Box visibleFrom="sm">
            <CustomerSwitch />
          </Box>
        )}
        {me.data && <UserMenu me={me.data} />}
        <LanguageSwitch />
        <Burger
          opened={menuOpened}
          onClick={onMenuToggle}
          hiddenFrom="sm"
          size="sm"
          aria-label={t(menuOpened ? 'nav.closeMenu' : 'nav.openMenu')}
          aria-expanded={menuOpened}
        />
      </Group>
    </Group>
  );
}
