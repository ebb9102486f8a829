import { Group } from '@mantine/core';
import type { Account } from '../../../api/accounts';
import type { MyCustomer } from '../../../api/parties';

/** The account's main actions under its balance («Оплатить», «Обещанный платёж», …); each module adds its own. */
export function AccountActions({ customer, account }: { customer: MyCustomer; account: Account }) {
  const actions: React.ReactNode[] = [];
  void customer;
  void account;
  return actions.length > 0 ? <Group gap="sm">{actions}</Group> : null;
}
