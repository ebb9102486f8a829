import { Badge, Button, Group, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentCustomer } from '../../app/current-customer';

/** Whom the user acts for: their companies and profiles, the waiting ones shown but not choosable. */
export function CustomerSwitch({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t } = useTranslation('parties');
  const { current, memberships, choose } = useCurrentCustomer();
  if (memberships.length === 0) return null;

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" fullWidth={fullWidth} maw={fullWidth ? undefined : 240} aria-label={t('switch.label')}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{current?.customer.name ?? t('switch.none')}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('switch.label')}</Menu.Label>
        {memberships.map((membership) => (
          <Menu.Item
            key={membership.customer.id}
            disabled={membership.status !== 'active'}
            onClick={() => choose(membership.customer.id)}
            aria-current={membership.customer.id === current?.customer.id ? 'true' : undefined}
          >
            <Group justify="space-between" gap="sm" wrap="nowrap">
              <div>
                <Text size="sm" fw={membership.customer.id === current?.customer.id ? 700 : 400}>
                  {membership.customer.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`roles.${membership.role}`)}
                </Text>
              </div>
              {membership.status !== 'active' && (
                <Badge size="xs" variant="light" color={membership.status === 'blocked' ? 'red' : 'yellow'}>
                  {membership.pendingStep ? t(`pendingStep.${membership.pendingStep}`) : t(`membershipStatus.${membership.status}`)}
                </Badge>
              )}
              {membership.status === 'active' && membership.customer.status !== 'active' && (
                <Badge size="xs" variant="light" color={membership.customer.status === 'pending' ? 'yellow' : 'red'}>
                  {t(`customerStatus.${membership.customer.status}`)}
                </Badge>
              )}
            </Group>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
