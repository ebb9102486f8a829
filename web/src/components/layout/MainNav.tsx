import { Box, Button, Group, Stack, type BoxProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, useMatch } from 'react-router';
import { useMe } from '../../api/identity';
import { sectionsFor } from '../../app/backoffice-access';
import { useCurrentCustomer } from '../../app/current-customer';
import { paths } from '../../app/paths';

const signedOutItems = [
  { to: paths.login, label: 'nav.login' },
  { to: paths.register, label: 'nav.register' },
  { to: paths.business, label: 'nav.business' },
] as const;

const cabinetItem = { to: paths.cabinet, label: 'nav.cabinet' } as const;
const accountsItem = { to: paths.accounts, label: 'nav.accounts' } as const;
/** «Сотрудники» of the company the user acts for, next to the cabinet. */
const employeesItem = { to: paths.employees, label: 'nav.employees' } as const;
const businessItem = { to: paths.business, label: 'nav.business' } as const;
/** Relatives' profiles are a customer's business; staff have none. */
const familyItem = { to: paths.family, label: 'nav.family' } as const;
const staffItem = { to: paths.backoffice, label: 'nav.backoffice' } as const;

interface MainNavProps extends BoxProps {
  orientation: 'horizontal' | 'vertical';
  /** Called after a link is followed, so the mobile drawer can close. */
  onNavigate?: () => void;
}

export function MainNav({ orientation, onNavigate, ...boxProps }: MainNavProps) {
  const { t } = useTranslation();
  const List = orientation === 'horizontal' ? Group : Stack;
  const me = useMe().data;
  const current = useCurrentCustomer().current;
  const forCompany = current !== null && current.customer.kind !== 'individual' && current.permissions.includes('view');
  // Settings live in the user menu; the bar keeps what a customer or a staff member works with.
  const items = !me
    ? signedOutItems
    : me.kind === 'staff'
      ? [cabinetItem, ...(sectionsFor(me).length > 0 ? [staffItem] : [])]
      : [cabinetItem, ...(current ? [accountsItem] : []), ...(forCompany ? [employeesItem] : []), businessItem, familyItem];

  return (
    <Box component="nav" aria-label={t('nav.label')} {...boxProps}>
      <List gap="xs" wrap="nowrap">
        {items.map((item) => (
          <NavItem key={item.to} to={item.to} fullWidth={orientation === 'vertical'} onNavigate={onNavigate}>
            {t(item.label)}
          </NavItem>
        ))}
      </List>
    </Box>
  );
}

interface NavItemProps {
  to: string;
  fullWidth: boolean;
  onNavigate: (() => void) | undefined;
  children: string;
}

function NavItem({ to, fullWidth, onNavigate, children }: NavItemProps) {
  const active = useMatch({ path: to, end: false }) !== null;

  return (
    <Button
      component={NavLink}
      to={to}
      onClick={onNavigate}
      variant={active ? 'light' : 'subtle'}
      fullWidth={fullWidth}
      justify={fullWidth ? 'flex-start' : 'center'}
    >
      {children}
    </Button>
  );
}
