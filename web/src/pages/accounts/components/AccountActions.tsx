import { Group } from '@mantine/core';
import type { Account } from '../../../api/accounts';
import type { MyCustomer } from '../../../api/parties';
import { PayAction } from '../payments/PayAction';
import { PaymentReturnNotice } from '../payments/PaymentReturnNotice';
import { PromisedAction } from '../promised/PromisedAction';

/** The account's main actions under its balance («Оплатить», «Обещанный платёж», …); each module adds its own. */
export function AccountActions({ customer, account }: { customer: MyCustomer; account: Account }) {
  const actions: React.ReactNode[] = [<PayAction key="pay" customer={customer} account={account} />];
  // Only accounts that can be blocked for debt need a promised payment.
  if (account.blockThreshold !== null) actions.push(<PromisedAction key="promised" customer={customer} account={account} />);
  void customer;
  void account;
  return (
    <>
      {/* Back from the gateway's page: «Платёж принят» / «Ожидает подтверждения». */}
      <PaymentReturnNotice customer={customer} account={account} />
      <Group gap="sm">{actions}</Group>
    </>
  );
}
