import type { Db } from '../../../platform/db/database.ts';
import { checkCustomerFields, type FieldProblem } from '../../accounts/index.ts';
import { upsertServedCustomer, type ServedCustomer } from '../../parties/index.ts';
import { Problems, text, type Item } from './fields.ts';
import { findCustomerRefs, linkCustomerRef } from './refs.ts';
import { eachUnderSavepoint, type BatchContext, type BatchSpec, type Checked, type ItemOutcome } from './runner.ts';

export interface CustomerItem {
  externalId: string;
  customer: ServedCustomer;
}

/** The columns of a customer's own fields, shared by customers, contracts and accounts. */
export const CUSTOMER_FIELDS = ['customer_kind', 'customer_name', 'inn', 'kpp', 'email'] as const;

/** The customer's own fields of an item, checked by the tax office's rules. */
export function checkCustomer(item: Item, problems: Problems): ServedCustomer | undefined {
  return checkCustomerFields(
    (column) => text(item, column, problems, { max: 1000 }),
    (field, code, ru, en) => problems.add(field, code, ru, en),
  );
}

/** Either `customer_external_id` (a customer loaded before) or the customer's own fields, not both. */
export function checkCustomerChoice(item: Item, problems: Problems): { externalId: string } | { customer: ServedCustomer } | undefined {
  const externalId = text(item, 'customer_external_id', problems, { max: 200 });
  if (externalId === null) {
    const customer = checkCustomer(item, problems);
    return customer ? { customer } : undefined;
  }
  for (const field of CUSTOMER_FIELDS) {
    if (text(item, field, new Problems(), { max: 1000 }) !== null) {
      problems.add(field, 'customer_twice', 'Клиент уже указан в customer_external_id: оставьте его поля пустыми', 'the customer is named by customer_external_id: leave its own fields empty');
    }
  }
  return { externalId };
}

export function unknownCustomer(externalId: string): FieldProblem[] {
  return [
    {
      field: 'customer_external_id',
      code: 'customer_not_found',
      message: { ru: `Клиент ${externalId} не загружен: сначала загрузите его в пакете клиентов`, en: `customer ${externalId} is not loaded: load it in a customers batch first` },
    },
  ];
}

async function applyCustomers(trx: Db, items: ReadonlyArray<Checked<CustomerItem>>, ctx: BatchContext): Promise<ItemOutcome[]> {
  const refs = await findCustomerRefs(
    trx,
    items.map((item) => item.value.externalId),
  );
  return eachUnderSavepoint(trx, items, async ({ value }) => {
    const known = refs.get(value.externalId);
    const result = await upsertServedCustomer(trx, ctx.now, value.customer, known ? { customerId: known } : {});
    if (result.outcome === 'conflict') {
      return {
        errors: [
          {
            field: 'customer_kind',
            code: 'customer_conflict',
            message: {
              ru: `Клиент ${value.externalId} уже загружен с другим видом, ИНН или КПП`,
              en: `customer ${value.externalId} is already loaded with another kind, INN or KPP (${result.reason})`,
            },
          },
        ],
      };
    }
    if (!known) {
      const linked = await linkCustomerRef(trx, value.externalId, result.customerId, ctx.now);
      refs.set(value.externalId, linked);
    }
    if (result.outcome === 'created') return 'added';
    return result.outcome === 'updated' || !known ? 'updated' : 'unchanged';
  });
}

/**
 * Customers by the billing's own id: found by it (or, the first time, a company by INN and KPP),
 * brought up to date, or created active.
 */
export const customersSpec: BatchSpec<CustomerItem> = {
  kind: 'customers',
  fields: ['external_id', ...CUSTOMER_FIELDS],
  requiredColumns: ['external_id', 'customer_kind', 'customer_name'],
  keyFields: ['external_id'],
  check(item) {
    const problems = new Problems();
    const externalId = text(item, 'external_id', problems, { required: true, max: 200 });
    const customer = checkCustomer(item, problems);
    if (!problems.empty || !customer) return { errors: problems.list };
    return { value: { externalId: externalId!, customer } };
  },
  apply: applyCustomers,
};
