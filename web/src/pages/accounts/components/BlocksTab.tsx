import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccountBlocks } from '../../../api/accounts';
import { useAccountContext } from '../AccountPage';
import { BlocksTable } from './BlocksTable';
import { VoluntaryBlockControls } from '../promised/VoluntaryBlockControls';
import { QueryFallback } from '../../../components/QueryFallback';

/** «Блокировки»: every block of the account, current ones first, with reasons and dates. */
export function BlocksTab() {
  const { t } = useTranslation('accounts');
  const { customer, account } = useAccountContext();
  const blocks = useAccountBlocks(customer.customer.id, account.id);

  if (!blocks.isSuccess) return <QueryFallback query={blocks} errorTitle={t('blocks.title')} />;
  return (
    <Stack gap="md">
      <VoluntaryBlockControls customer={customer} account={account} blocks={blocks.data.items} />
      <BlocksTable blocks={blocks.data.items} aria-label={t('blocks.title')} />
    </Stack>
  );
}
