import { Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccountBlocks } from '../../../api/accounts';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useAccountContext } from '../AccountPage';
import { BlocksTable } from './BlocksTable';
import { VoluntaryBlockControls } from '../promised/VoluntaryBlockControls';

/** «Блокировки»: every block of the account, current ones first, with reasons and dates. */
export function BlocksTab() {
  const { t } = useTranslation('accounts');
  const { customer, account } = useAccountContext();
  const blocks = useAccountBlocks(customer.customer.id, account.id);

  if (blocks.isPending) {
    return (
      <Center py="md">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  }
  if (blocks.isError) return <ApiErrorAlert error={blocks.error} title={t('blocks.title')} onRetry={() => void blocks.refetch()} />;
  return (
    <Stack gap="md">
      <VoluntaryBlockControls customer={customer} account={account} blocks={blocks.data.items} />
      <BlocksTable blocks={blocks.data.items} aria-label={t('blocks.title')} />
    </Stack>
  );
}
