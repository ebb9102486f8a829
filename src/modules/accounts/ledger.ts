import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../platform/db/database.ts';
import { applyDebtRules, type BalanceState } from './blocking.ts';
import type { ChargeType, EntryKind } from './tables.ts';

/** An entry to post. `amount` is the effect on the balance in kopecks (a charge is negative). */
export interface NewEntry {
  customerId: string;
  accountId: string;
  externalId: string;
  kind: EntryKind;
  amount: number;
  chargeType?: ChargeType | null;
  serviceCode?: string | null;
  period?: string | null;
  description?: string | null;
  occurredAt: Date;
  source: string;
}

export interface LedgerEntry extends Required<NewEntry> {
  id: string;
  createdAt: Date;
}

/**
 * What became of one entry: `posted`; `unchanged` when an entry with its external id and the same
 * content already exists (a replay); `conflict` when the external id names different content.
 */
export type PostOutcome =
  | { externalId: string; status: 'posted' | 'unchanged'; id: string }
  | { externalId: string; status: 'conflict'; id: string; differs: Array<keyof NewEntry> };

const CHUNK = 1000;

/** Sign rules of the ledger (the table checks them too): charges take, payments give. */
export function amountFits(kind: EntryKind, amount: number): boolean {
  if (!Number.isSafeInteger(amount) || amount === 0) return false;
  if (kind === 'charge' || kind === 'promised_reversal') return amount < 0;
  if (kind === 'payment' || kind === 'promised_credit') return amount > 0;
  return true;
}

/**
 * Posts entries inside the caller's transaction: the accounts are locked (in key order, so two
 * batches never deadlock), replays are recognised by external id, the new entries are inserted and
 * each account's balance moves by their sum — in step, in the same transaction — and the debt-block
 * rule is applied to the new balance. Conflicts are reported, not thrown: the caller decides whether
 * one conflicting entry refuses the whole batch.
 */
export async function postEntries(trx: Db, entries: readonly NewEntry[], now: Date): Promise<PostOutcome[]> {
  if (entries.length === 0) return [];
  for (const entry of entries) {
    if (!amountFits(entry.kind, entry.amount)) throw new Error(`ledger: amount ${entry.amount} does not fit a ${entry.kind}`);
  }
  await lockAccounts(trx, entries);

  const outcomes = new Map<number, PostOutcome>();
  const known = await findByExternalIds(
    trx,
    entries.map((entry) => entry.externalId),
  );
  const fresh: Array<{ index: number; row: LedgerEntry }> = [];
  entries.forEach((entry, index) => {
    const existing = known.get(entry.externalId);
    if (existing) {
      outcomes.set(index, compare(entry, existing));
      return;
    }
    const row = toRow(entry, now);
    known.set(entry.externalId, row);
    fresh.push({ index, row });
  });

  const inserted = new Set<string>();
  for (let start = 0; start < fresh.length; start += CHUNK) {
    const chunk = fresh.slice(start, start + CHUNK);
    const rows = await trx
      .insertInto('accounts_ledger_entry')
      .values(chunk.map(({ row }) => toColumns(row)))
      .onConflict((oc) => oc.column('external_id').doNothing())
      .returning('external_id')
      .execute();
    for (const row of rows) inserted.add(row.external_id);
  }
  // An entry of another account with the same external id committed between our read and our insert.
  const raced = fresh.filter(({ row }) => !inserted.has(row.externalId));
  const winners = raced.length > 0 ? await findByExternalIds(trx, raced.map(({ row }) => row.externalId)) : new Map<string, LedgerEntry>();

  const deltas = new Map<string, { customerId: string; accountId: string; amount: number }>();
  for (const { index, row } of fresh) {
    if (!inserted.has(row.externalId)) {
      outcomes.set(index, compare(entries[index]!, winners.get(row.externalId)!));
      continue;
    }
    outcomes.set(index, { externalId: row.externalId, status: 'posted', id: row.id });
    const key = `${row.customerId}/${row.accountId}`;
    const delta = deltas.get(key) ?? { customerId: row.customerId, accountId: row.accountId, amount: 0 };
    delta.amount += row.amount;
    deltas.set(key, delta);
  }

  const moved = [...deltas.values()];
  for (let start = 0; start < moved.length; start += CHUNK) {
    const chunk = moved.slice(start, start + CHUNK);
    // One statement per thousand accounts: the balances move by their entries' sums, in step.
    const { rows } = await sql<BalanceState>`
      update accounts_account as a set balance = a.balance + d.amount, updated_at = ${now}
      from (values ${sql.join(chunk.map((delta) => sql`(${delta.customerId}::uuid, ${delta.accountId}::uuid, ${delta.amount}::bigint)`))}) as d(customer_id, account_id, amount)
      where a.customer_id = d.customer_id and a.id = d.account_id
      returning a.customer_id as "customerId", a.id, a.balance, a.block_threshold as "blockThreshold"`.execute(trx);
    await applyDebtRules(trx, rows, now);
  }
  return entries.map((_, index) => outcomes.get(index)!);
}

/** One entry; a conflicting replay throws nothing here either: the outcome says it. */
export async function postEntry(trx: Db, entry: NewEntry, now: Date): Promise<PostOutcome> {
  const [outcome] = await postEntries(trx, [entry], now);
  return outcome!;
}

/** The account's balance in kopecks: one row, kept in step with the ledger. */
export async function getBalance(db: Db, customerId: string, accountId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('accounts_account')
    .select('balance')
    .where('customer_id', '=', customerId)
    .where('id', '=', accountId)
    .executeTakeFirst();
  return row?.balance;
}

async function lockAccounts(trx: Db, entries: readonly NewEntry[]) {
  const keys = [...new Map(entries.map((entry) => [`${entry.customerId}/${entry.accountId}`, entry])).values()];
  for (let start = 0; start < keys.length; start += CHUNK) {
    const chunk = keys.slice(start, start + CHUNK);
    const locked = await trx
      .selectFrom('accounts_account')
      .select('id')
      .where((eb) => eb.or(chunk.map((key) => eb.and([eb('customer_id', '=', key.customerId), eb('id', '=', key.accountId)]))))
      .orderBy('customer_id')
      .orderBy('id')
      .forUpdate()
      .execute();
    if (locked.length !== chunk.length) throw new Error('ledger: an entry names an account that does not exist');
  }
}

async function findByExternalIds(db: Db, externalIds: readonly string[]): Promise<Map<string, LedgerEntry>> {
  const found = new Map<string, LedgerEntry>();
  const unique = [...new Set(externalIds)];
  for (let start = 0; start < unique.length; start += CHUNK) {
    const rows = await db
      .selectFrom('accounts_ledger_entry')
      .select(entryColumns)
      .where('external_id', 'in', unique.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) found.set(row.externalId, row);
  }
  return found;
}

export const entryColumns = [
  'customer_id as customerId',
  'id',
  'account_id as accountId',
  'external_id as externalId',
  'kind',
  'amount',
  'charge_type as chargeType',
  'service_code as serviceCode',
  'period',
  'description',
  'occurred_at as occurredAt',
  'source',
  'created_at as createdAt',
] as const;

/** The fields that make an entry what it is; the source and the posting time do not. */
const CONTENT: Array<keyof NewEntry> = ['customerId', 'accountId', 'kind', 'amount', 'chargeType', 'serviceCode', 'period', 'description', 'occurredAt'];

function compare(entry: NewEntry, existing: LedgerEntry): PostOutcome {
  const wanted = toRow(entry, existing.createdAt);
  const differs = CONTENT.filter((field) => {
    const a = wanted[field];
    const b = existing[field];
    return a instanceof Date && b instanceof Date ? a.getTime() !== b.getTime() : a !== b;
  });
  return differs.length === 0
    ? { externalId: entry.externalId, status: 'unchanged', id: existing.id }
    : { externalId: entry.externalId, status: 'conflict', id: existing.id, differs };
}

function toRow(entry: NewEntry, now: Date): LedgerEntry {
  return {
    ...entry,
    id: uuidv7(),
    chargeType: entry.chargeType ?? null,
    serviceCode: entry.serviceCode ?? null,
    period: entry.period ?? null,
    description: entry.description ?? null,
    createdAt: now,
  };
}

function toColumns(row: LedgerEntry) {
  return {
    customer_id: row.customerId,
    id: row.id,
    account_id: row.accountId,
    external_id: row.externalId,
    kind: row.kind,
    amount: row.amount,
    charge_type: row.chargeType,
    service_code: row.serviceCode,
    period: row.period,
    description: row.description,
    occurred_at: row.occurredAt,
    source: row.source,
    created_at: row.createdAt,
  };
}
