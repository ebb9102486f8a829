import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlockCustomer, useResetCustomerTwoFactor, useUnblockCustomer, type CustomerDetail } from '../../../../api/backoffice';
import { useFormatDateTime } from '../../../../app/format';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import { BlockModal } from '../../shared/BlockModal';
import { StatusBadge } from '../../shared/StatusBadge';

export function CustomerOverview({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const block = useBlockCustomer();
  const unblock = useUnblockCustomer();
  const resetTwoFactor = useResetCustomerTwoFactor();
  const [dialog, setDialog] = useState<'block' | 'unblock' | 'resetTwoFactor' | null>(null);
  const close = () => {
    setDialog(null);
    block.reset();
    unblock.reset();
    resetTwoFactor.reset();
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="customer-heading">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={2} size="h3" id="customer-heading" style={{ overflowWrap: 'anywhere' }}>
            {customer.name}
          </Title>
          <StatusBadge status={customer.status} />
        </Group>
        {customer.status === 'blocked' && (
          <Alert color="red" variant="light" title={t('backoffice.user.blockedTitle')}>
            {customer.blockedReason ? t('backoffice.blockedReason', { reason: customer.blockedReason }) : t('backoffice.user.blockedNoReason')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
          <Fact label={t('backoffice.user.email')}>{customer.email}</Fact>
          <Fact label={t('backoffice.user.phone')}>{customer.phone ?? t('backoffice.user.noPhone')}</Fact>
          <Fact label={t('backoffice.user.twoFactor')}>
            <Badge color={customer.twoFactorEnabled ? 'teal' : 'gray'} variant="light">
              {t(customer.twoFactorEnabled ? 'backoffice.twoFactor.on' : 'backoffice.twoFactor.off')}
            </Badge>
          </Fact>
          <Fact label={t('backoffice.user.registeredAt')}>{formatDateTime(customer.createdAt)}</Fact>
        </SimpleGrid>
        <Group gap="sm">
          {customer.status === 'active' ? (
            <Button color="red" variant="light" onClick={() => setDialog('block')}>
              {t('backoffice.block.action')}
            </Button>
          ) : (
            <Button variant="light" onClick={() => setDialog('unblock')}>
              {t('backoffice.unblock.action')}
            </Button>
          )}
          {customer.twoFactorEnabled && (
            <Button color="orange" variant="light" onClick={() => setDialog('resetTwoFactor')}>
              {t('backoffice.user.resetTwoFactor.action')}
            </Button>
          )}
        </Group>
      </Stack>
      {dialog === 'block' && (
        <BlockModal
          title={t('backoffice.user.blockTitle', { name: customer.name })}
          text={t('backoffice.user.blockText')}
          pending={block.isPending}
          error={block.error}
          onConfirm={(reason) => block.mutate({ id: customer.id, reason }, { onSuccess: close })}
          onClose={close}
        />
      )}
      {dialog === 'resetTwoFactor' && (
        <BlockModal
          title={t('backoffice.user.resetTwoFactor.title', { name: customer.name })}
          text={t('backoffice.user.resetTwoFactor.text')}
          confirmLabel={t('backoffice.user.resetTwoFactor.confirm')}
          pending={resetTwoFactor.isPending}
          error={resetTwoFactor.error}
          onConfirm={(reason) => resetTwoFactor.mutate({ id: customer.id, reason }, { onSuccess: close })}
          onClose={close}
        />
      )}
      {dialog === 'unblock' && (
        <ConfirmModal
          title={t('backoffice.user.unblockTitle', { name: customer.name })}
          text={t('backoffice.user.unblockText')}
          confirmLabel={t('backoffice.unblock.action')}
          pending={unblock.isPending}
          error={unblock.error}
          onConfirm={() => unblock.mutate(customer.id, { onSuccess: close })}
          onClose={close}
        />
      )}
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
