import type { Db } from '../../../platform/db/database.ts';
import { postEntries, type ChargeType, type EntryKind, type FieldProblem, type NewEntry } from '../../accounts/index.ts';
import { locateAccounts } from './account-numbers.ts';
import { instant, kopecks, oneOf, period, Problems, text, type Item } from './fields.ts';
import type { BatchContext, BatchKind, BatchSpec, Checked, ItemOutcome } from './runner.ts';

/** A ledger entry as the billing sends it: the amount is always what the kind says (a charge's is positive here). */
export interface EntryItem {
  externalId: string;
  accountNumber: string;
  /** The effect on the balance in kopecks, signed as the ledger keeps it. */
  amount: number;
  chargeType: ChargeType | null;
  serviceCode: string | null;
  period: string | null;
  description: string | null;
  occurredAt: Date;
}

const CHARGE_TYPES: readonly ChargeType[] = ['one_time', 'periodic'];

/** How the ledger's names of an entry's fields read in an item. */
const ITEM_FIELD: Partial<Record<keyof NewEntry, string>> = {
  customerId: 'account_number',
  accountId: 'account_number',
  kind: 'external_id',
  amount: 'amount',
  chargeType: 'charge_type',
  serviceCode: 'service_code',
  period: 'period',
  description: 'description',
  occurredAt: 'occurred_at',
};

interface EntryKindRules {
  batch: BatchKind;
  ledger: EntryKind;
  fields: readonly string[];
  /** How the item's amount becomes the effect on the balance. */
  sign: 'negative' | 'positive' | 'as_given';
}

function checkEntry(rules: EntryKindRules, item: Item, ctx: BatchContext): { value: EntryItem } | { errors: FieldProblem[] } {
  const problems = new Problems();
  const externalId = text(item, 'external_id', problems, { required: true, max: 200 });
  const accountNumber = text(item, 'account_number', problems, { required: true, max: 64 });
  const amount = kopecks(item, 'amount', problems, rules.sign === 'as_given' ? 'nonzero' : 'positive');
  const occurredAt = instant(item, 'occurred_at', problems, ctx.timeZone);
  const description = text(item, 'description', problems, { max: 500 });
  let chargeType: ChargeType | null = null;
  let serviceCode: string | null = null;
  let billingPeriod: string | null = null;
  if (rules.ledger === 'charge') {
    chargeType = oneOf(item, 'charge_type', CHARGE_TYPES, problems, { required: true });
    serviceCode = text(item, 'service_code', problems, { max: 64 });
    billingPeriod = period(item, 'period', problems, { required: chargeType === 'periodic' });
  }
  if (!problems.empty) return { errors: problems.list };
  return {
    value: {
      externalId: externalId!,
      accountNumber: accountNumber!,
      amount: rules.sign === 'negative' ? -amount! : amount!,
      chargeType,
      serviceCode,
      period: billingPeriod,
      description,
      occurredAt: occurredAt!,
    },
  };
}

/**
 * Posts a batch of entries through the ledger (the only way money moves): accounts found by number,
 * then `postEntries` — a replay (same external id, same content) is unchanged, the same external id
 * with other content is refused row-wise with the fields that differ.
 */
async function applyEntries(rules: EntryKindRules, trx: Db, items: ReadonlyArray<Checked<EntryItem>>, ctx: BatchContext): Promise<ItemOutcome[]> {
  const { outcomes, located } = await locateAccounts(trx, items);
  const entries: NewEntry[] = located.map(({ account, value }) => {
    const { accountNumber: _number, ...fields } = value;
    return { customerId: account.customerId, accountId: account.id, kind: rules.ledger, source: ctx.source, ...fields };
  });
  const positions = located.map(({ position }) => position);
  const posted = await postEntries(trx, entries, ctx.now);
  posted.forEach((outcome, at) => {
    const position = positions[at]!;
    if (outcome.status !== 'conflict') outcomes[position] = outcome.status === 'posted' ? 'added' : 'unchanged';
    else {
      const fields = [...new Set(outcome.differs.map((field) => ITEM_FIELD[field] ?? field))];
      outcomes[position] = {
        errors: [
          {
            field: 'external_id',
            code: 'conflicting_replay',
            message: {
              ru: `Операция ${outcome.externalId} уже загружена с другими данными (${fields.join(', ')}); исправление — новая операция с новым идентификатором`,
              en: `entry ${outcome.externalId} was already loaded with other data (${fields.join(', ')}); a correction is a new entry with a new id`,
            },
          },
        ],
      };
    }
  });
  return outcomes;
}

function entrySpec(rules: EntryKindRules): BatchSpec<EntryItem> {
  return {
    kind: rules.batch,
    fields: rules.fields,
    requiredColumns: rules.fields.filter((field) => ['external_id', 'account_number', 'amount', 'occurred_at', 'charge_type'].includes(field)),
    keyFields: ['external_id'],
    check: (item, ctx) => checkEntry(rules, item, ctx),
    apply: (trx, items, ctx) => applyEntries(rules, trx, items, ctx),
  };
}

/** Charges: the amount in kopecks is positive in the item and taken from the balance. */
export const chargesSpec = entrySpec({
  batch: 'charges',
  ledger: 'charge',
  sign: 'negative',
  fields: ['external_id', 'account_number', 'amount', 'charge_type', 'service_code', 'period', 'description', 'occurred_at'],
});

/** Payments received by the billing (cash desks, banks): positive, added to the balance. */
export const paymentsSpec = entrySpec({
  batch: 'payments',
  ledger: 'payment',
  sign: 'positive',
  fields: ['external_id', 'account_number', 'amount', 'description', 'occurred_at'],
});

/** Corrections: signed, never zero; a mistake is corrected by a new entry, never by an edit. */
export const correctionsSpec = entrySpec({
  batch: 'corrections',
  ledger: 'correction',
  sign: 'as_given',
  fields: ['external_id', 'account_number', 'amount', 'description', 'occurred_at'],
});
