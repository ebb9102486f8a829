import { findContractByNumber, upsertContract, type ContractStatus } from '../../accounts/index.ts';
import { upsertServedCustomer, type ServedCustomer } from '../../parties/index.ts';
import { isoDay, oneOf, Problems, text } from './fields.ts';
import { checkCustomerChoice, CUSTOMER_FIELDS, unknownCustomer } from './customers.ts';
import { findCustomerRefs } from './refs.ts';
import { eachUnderSavepoint, type BatchSpec } from './runner.ts';

export interface ContractItem {
  number: string;
  customer: { externalId: string } | { customer: ServedCustomer };
  /** `undefined`: left as it is (a new contract: not known, active). */
  signedOn: string | undefined;
  status: ContractStatus | undefined;
}

const STATUSES: readonly ContractStatus[] = ['active', 'closed'];

/** Contracts by number, of a customer named by its external id or by its own fields. */
export const contractsSpec: BatchSpec<ContractItem> = {
  kind: 'contracts',
  fields: ['number', 'customer_external_id', ...CUSTOMER_FIELDS, 'signed_on', 'status'],
  requiredColumns: ['number', ['customer_external_id', 'customer_name']],
  keyFields: ['number'],
  check(item) {
    const problems = new Problems();
    const number = text(item, 'number', problems, { required: true, max: 64 });
    const customer = checkCustomerChoice(item, problems);
    const signedOn = isoDay(item, 'signed_on', problems);
    const status = oneOf(item, 'status', STATUSES, problems);
    if (!problems.empty || !customer) return { errors: problems.list };
    return { value: { number: number!, customer, signedOn: signedOn ?? undefined, status: status ?? undefined } };
  },
  async apply(trx, items, ctx) {
    const refs = await findCustomerRefs(
      trx,
      items.flatMap((item) => ('externalId' in item.value.customer ? [item.value.customer.externalId] : [])),
    );
    return eachUnderSavepoint(trx, items, async ({ value }) => {
      let customerId: string;
      let customerChanged = false;
      if ('externalId' in value.customer) {
        const known = refs.get(value.customer.externalId);
        if (!known) return { errors: unknownCustomer(value.customer.externalId) };
        customerId = known;
      } else {
        const existing = await findContractByNumber(trx, value.number);
        const result = await upsertServedCustomer(trx, ctx.now, value.customer.customer, existing ? { customerId: existing.customerId } : {});
        if (result.outcome === 'conflict') {
          return {
            errors: [{ field: 'customer_kind', code: 'contract_of_another_customer', message: { ru: `Договор ${value.number} заключён с другим клиентом`, en: `contract ${value.number} belongs to another customer (${result.reason})` } }],
          };
        }
        customerId = result.customerId;
        customerChanged = result.outcome !== 'unchanged';
      }
      const outcome = await upsertContract(trx, { customerId, number: value.number, signedOn: value.signedOn, status: value.status }, ctx.now);
      if (outcome.status === 'conflict') {
        return {
          errors: [{ field: 'number', code: 'contract_of_another_customer', message: { ru: `Договор ${value.number} заключён с другим клиентом`, en: `contract ${value.number} belongs to another customer` } }],
        };
      }
      if (outcome.status === 'created') return 'added';
      return outcome.status === 'updated' || customerChanged ? 'updated' : 'unchanged';
    });
  },
};
