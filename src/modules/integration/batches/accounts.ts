import { ACCOUNT_COLUMNS, applyAccount, checkAccountItem, type ImportedAccount } from '../../accounts/index.ts';
import { Problems, text } from './fields.ts';
import { unknownCustomer } from './customers.ts';
import { findCustomerRefs } from './refs.ts';
import { eachUnderSavepoint, type BatchSpec } from './runner.ts';

export interface AccountItem {
  row: ImportedAccount;
  /** The customer by the billing's id; null when the item carries the customer's own fields. */
  customerExternalId: string | null;
}

/**
 * Personal accounts by number, with the accounts file's columns (the `kabinet import accounts`
 * format) plus `customer_external_id`: the customer is the account's own, or the one named, or
 * found by INN and KPP, or created; the contract named by `contract_number` is added when missing.
 */
export const accountsSpec: BatchSpec<AccountItem> = {
  kind: 'accounts',
  fields: [...ACCOUNT_COLUMNS, 'customer_external_id'],
  requiredColumns: ['number', 'kind', ['customer_external_id', 'customer_name']],
  keyFields: ['number'],
  check(item) {
    const problems = new Problems();
    const customerExternalId = text(item, 'customer_external_id', problems, { max: 200 });
    const checked = checkAccountItem(item, { customerByReference: customerExternalId !== null });
    if ('problems' in checked) return { errors: [...problems.list, ...checked.problems] };
    if (!problems.empty) return { errors: problems.list };
    return { value: { row: checked.row, customerExternalId } };
  },
  async apply(trx, items, ctx) {
    const refs = await findCustomerRefs(
      trx,
      items.flatMap((item) => (item.value.customerExternalId ? [item.value.customerExternalId] : [])),
    );
    return eachUnderSavepoint(trx, items, async ({ value }) => {
      let customerId: string | undefined;
      if (value.customerExternalId) {
        customerId = refs.get(value.customerExternalId);
        if (!customerId) return { errors: unknownCustomer(value.customerExternalId) };
      }
      const outcome = await applyAccount(trx, value.row, ctx.now, { customerId });
      if (outcome.status === 'invalid') return { errors: [outcome.problem] };
      return outcome.status === 'created' ? 'added' : outcome.status;
    });
  },
};
