import { Alert, Anchor, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useStaffAccount, useStaffBlock, useStaffPromisedPayments, type StaffAccountDetail } from '../../../api/promised';
import { useFormatDateTime, useFormatMoney } from '../../../app/format';
import { paths } from '../../../app/paths';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { ReasonModal } from '../../../components/ReasonModal';
import { BlocksTable } from '../../accounts/components/BlocksTable';
import { DetailsTable } from '../../../components/DetailsTable';
import { DataTable } from '../../../components/DataTable';

/** One personal account in the back office: balance, blocks and their history, promised payments; block or unblock with a reason. */
export function AccountPage() {
  const { t } = useTranslation('promised');
  const { t: tc } = useTranslation();
  const { ownerId = '', accountId = '' } = useParams();
  const account = useStaffAccount(ownerId, accountId);
  if (account.isPending) return <Loader aria-label={tc('common.loading')} />;
  // An unknown account comes back 404, which the route's error boundary shows as «page not found».
  if (account.isError) throw account.error;
  const data = account.data;
  const title = t('backoffice.accounts.detailTitle', { number: data.number });

  return (
    <Stack gap="xl" maw={960}>
      <PageTitle>{title}</PageTitle>
      <Anchor component={Link} to={paths.backofficeAccounts} size="sm" w="fit-content">
        {t('backoffice.accounts.back')}
      </Anchor>
      <Summary account={data} title={title} />
      <BlockHistory account={data} />
      <PromisedPayments ownerId={ownerId} accountId={accountId} />
    </Stack>
  );
}

function Summary({ account, title }: { account: StaffAccountDetail; title: string }) {
  const { t } = useTranslation('promised');
  const { t: ta } = useTranslation('accounts');
  const formatMoney = useFormatMoney();
  const [dialog, setDialog] = useState<'block' | 'unblock' | null>(null);
  const change = useStaffBlock(account.customerId, account.id);
  const staffBlocked = account.blockedFor.includes('staff');
  const rows = [
    { label: t('backoffice.accounts.kind'), value: ta(`kind.${account.kind}`) },
    { label: t('backoffice.accounts.address'), value: account.address },
    { label: t('backoffice.accounts.contract'), value: account.contractNumber },
    { label: t('backoffice.accounts.subscriberCode'), value: account.subscriberCode },
    { label: t('backoffice.accounts.threshold'), value: account.blockThreshold === null ? null : formatMoney(account.blockThreshold) },
    {
      label: t('backoffice.accounts.openBlocks'),
      value: account.blockedFor.length === 0 ? t('backoffice.accounts.noOpenBlocks') : account.blockedFor.map((reason) => ta(`blockReason.${reason}`)).join(', '),
    },
  ].filter((row) => row.value !== null);

  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3">
            {title}
          </Title>
          <Stack gap={0} align="flex-end">
            <Text size="sm" c="dimmed">
              {t('backoffice.accounts.balance')}
            </Text>
            <Text fw={700} size="xl" c={account.balance < 0 ? 'red' : undefined}>
              {formatMoney(account.balance)}
            </Text>
          </Stack>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DetailsTable rows={rows} labelWidth="45%" />
        </SimpleGrid>
        <Group>
          {staffBlocked ? (
            <Button variant="light" onClick={() => setDialog('unblock')}>
              {t('backoffice.accounts.unblock')}
            </Button>
          ) : (
            <Button color="red" variant="light" onClick={() => setDialog('block')}>
              {t('backoffice.accounts.block')}
            </Button>
          )}
        </Group>
      </Stack>
      {dialog && (
        <ReasonModal
          title={t(dialog === 'block' ? 'backoffice.accounts.blockTitle' : 'backoffice.accounts.unblockTitle')}
          text={t(dialog === 'block' ? 'backoffice.accounts.blockText' : 'backoffice.accounts.unblockText')}
          hint={t('backoffice.accounts.reasonHint')}
          confirmLabel={t(dialog === 'block' ? 'backoffice.accounts.block' : 'backoffice.accounts.unblock')}
          pending={change.isPending}
          error={change.error}
          onConfirm={(reason) => change.mutate({ action: dialog, reason }, { onSuccess: () => setDialog(null) })}
          onClose={() => {
            change.reset();
            setDialog(null);
          }}
        />
      )}
    </Card>
  );
}

function BlockHistory({ account }: { account: StaffAccountDetail }) {
  const { t } = useTranslation('promised');

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('backoffice.accounts.blocks')}
      </Title>
      <BlocksTable blocks={account.blocks} aria-label={t('backoffice.accounts.blocks')} />
    </Stack>
  );
}

function PromisedPayments({ ownerId, accountId }: { ownerId: string; accountId: string }) {
  const { t } = useTranslation('promised');
  const { t: tc } = useTranslation();
  const payments = useStaffPromisedPayments(ownerId, accountId);
  const formatDateTime = useFormatDateTime();
  const formatMoney = useFormatMoney();
  if (payments.isPending) return <Loader aria-label={tc('common.loading')} />;
  if (payments.isError) return <ApiErrorAlert error={payments.error} title={t('history.title')} onRetry={() => void payments.refetch()} />;

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('history.title')}
      </Title>
      {payments.data.history.length === 0 ? (
        <Alert variant="light">{t('history.empty')}</Alert>
      ) : (
        <DataTable
          aria-label={t('history.title')}
          minWidth={560}
          columns={[{ label: t('history.amount'), align: 'right' }, t('history.granted'), t('history.expires'), t('history.status')]}
        >
          {payments.data.history.map((payment) => (
            <Table.Tr key={payment.id}>
              <Table.Td ta="right">{formatMoney(payment.amount)}</Table.Td>
              <Table.Td>{formatDateTime(payment.grantedAt)}</Table.Td>
              <Table.Td>{formatDateTime(payment.expiresAt)}</Table.Td>
              <Table.Td>
                <Badge color={payment.status === 'open' ? 'blue' : 'gray'} variant="light">
                  {t(`status.${payment.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
