import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { AccountNotFoundError } from './errors.ts';
import { checkPeriod, periodBounds } from './period.ts';
import { getAccount, type Account } from './store.ts';
import type { ChargeType, EntryKind } from './tables.ts';

/** A ledger entry as its customer sees it: what, how much, when; not who posted it. */
export interface HistoryEntry {
  id: string;
  kind: EntryKind;
  /** The effect on the balance in kopecks: charges negative, payments positive. */
  amount: number;
  chargeType: ChargeType | null;
  serviceCode: string | null;
  period: string | null;
  description: string | null;
  occurredAt: Date;
}

export interface HistoryFilter {
  kinds?: readonly EntryKind[] | undefined;
  chargeType?: ChargeType | undefined;
  serviceCode?: string | undefined;
  /** Calendar dates in the provider's time zone, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface HistoryContext {
  db: Db;
  timeZone: string;
}

export const MAX_PAGE = 200;

/** Instants and the rest of a filter, ready for SQL. */
export interface EntrySelection {
  customerId: string;
  accountId: string;
  kinds?: readonly EntryKind[] | undefined;
  chargeType?: ChargeType | undefined;
  serviceCode?: string | undefined;
  start: Date | null;
  end: Date | null;
}

const columns = [
  'id',
  'kind',
  'amount',
  'charge_type as chargeType',
  'service_code as serviceCode',
  'period',
  'description',
  'occurred_at as occurredAt',
] as const;

/**
 * One page of entries in the order of `occurred_at, id` (newest first unless `ascending`). The
 * cursor is the id of the last entry of the previous page; its place is compared in SQL, on the
 * (customer_id, account_id, occurred_at, id) index, so no precision is lost on the way through
 * JavaScript and no entry is skipped or repeated.
 */
export async function selectEntries(db: Db, selection: EntrySelection, page: { after?: string | undefined; limit: number; ascending?: boolean }): Promise<HistoryEntry[]> {
  const direction = page.ascending ? 'asc' : 'desc';
  const { customerId, accountId, kinds, chargeType, serviceCode, start, end } = selection;
  return db
    .selectFrom('accounts_ledger_entry')
    .select(columns)
    .where('customer_id', '=', customerId)
    .where('account_id', '=', accountId)
    .$if(kinds !== undefined && kinds.length > 0, (qb) => qb.where('kind', 'in', kinds!))
    .$if(chargeType !== undefined, (qb) => qb.where('charge_type', '=', chargeType!))
    .$if(serviceCode !== undefined, (qb) => qb.where('service_code', '=', serviceCode!))
    .$if(start !== null, (qb) => qb.where('occurred_at', '>=', start!))
    .$if(end !== null, (qb) => qb.where('occurred_at', '<', end!))
    .$if(page.after !== undefined, (qb) =>
      qb.where(
        sql<boolean>`(occurred_at, id) ${sql.raw(page.ascending ? '>' : '<')} (select c.occurred_at, c.id from accounts_ledger_entry c where c.customer_id = ${customerId} and c.account_id = ${accountId} and c.id = ${page.after!})`,
      ),
    )
    .orderBy('occurred_at', direction)
    .orderBy('id', direction)
    .limit(page.limit)
    .execute();
}

/** The account of the customer, or "not found" — also when it is another customer's. */
export async function requireAccount(db: Db, customerId: string, accountId: string): Promise<Account> {
  const account = await getAccount(db, customerId, accountId);
  if (!account) throw new AccountNotFoundError();
  return account;
}

export async function resolveSelection(ctx: HistoryContext, customerId: string, accountId: string, filter: HistoryFilter): Promise<EntrySelection> {
  checkPeriod(filter);
  const { start, end } = await periodBounds(ctx.db, ctx.timeZone, filter);
  return { customerId, accountId, kinds: filter.kinds, chargeType: filter.chargeType, serviceCode: filter.serviceCode, start, end };
}

/** The account's history, newest first, a page at a time. */
export async function findAccountEntries(
  ctx: HistoryContext,
  customerId: string,
  accountId: string,
  filter: HistoryFilter & { cursor?: string | undefined; limit?: number | undefined },
): Promise<{ items: HistoryEntry[]; nextCursor: string | null }> {
  await requireAccount(ctx.db, customerId, accountId);
  const selection = await resolveSelection(ctx, customerId, accountId, filter);
  const limit = Math.min(filter.limit ?? 50, MAX_PAGE);
  const rows = await selectEntries(ctx.db, selection, { after: filter.cursor, limit: limit + 1 });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

/** Every entry of a selection, oldest first, read in batches (for exports). */
export async function* allEntries(db: Db, selection: EntrySelection, batch = 5000): AsyncGenerator<HistoryEntry> {
  let after: string | undefined;
  for (;;) {
    const rows = await selectEntries(db, selection, { after, limit: batch, ascending: true });
    yield* rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.id;
  }
}
