import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../api/accounts';

/** «Действует», «Заблокирован» or «Закрыт»: a block outweighs the account's own status. */
export function AccountStatusBadge({ account }: { account: Pick<Account, 'status' | 'blockedFor'> }) {
  const { t } = useTranslation('accounts');
  const status = account.status === 'active' && account.blockedFor.length > 0 ? 'blocked' : account.status;
  return (
    <Badge color={status === 'active' ? 'green' : status === 'blocked' ? 'red' : 'gray'} variant="light" data-testid="account-status">
      {t(`status.${status}`)}
    </Badge>
  );
}
