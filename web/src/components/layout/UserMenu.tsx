import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout, type Me } from '../../api/identity';
import { sectionsFor } from '../../app/backoffice-access';
import { paths } from '../../app/paths';

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();

  // Not a `mutate` callback: signing out unmounts this menu, and those callbacks die with it.
  // On a cabinet page the route guard may get there first, with the same destination.
  async function signOut() {
    await logout.mutateAsync();
    await navigate(paths.login, { replace: true, state: { notice: 'signedOut' } });
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="light" maw={{ base: 120, sm: 220 }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{me.name}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item component={Link} to={paths.cabinet}>
          {t('userMenu.cabinet')}
        </Menu.Item>
        <Menu.Item component={Link} to={paths.settings}>
          {t('userMenu.settings')}
        </Menu.Item>
        {sectionsFor(me).length > 0 && (
          <Menu.Item component={Link} to={paths.backoffice}>
            {t('userMenu.backoffice')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item onClick={() => void signOut()}>
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
