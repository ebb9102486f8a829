import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { allEntries, requireAccount, selectEntries, type EntrySelection, type HistoryContext, type HistoryEntry } from './history.ts';
import { checkPeriod, periodBounds } from './period.ts';
import type { Account } from './store.ts';
import type { ChargeType, EntryKind } from './tables.ts';

/** The JSON statement lists at most this many entries; the exports list them all. */
export const STATEMENT_ENTRY_CAP = 1000;

export interface StatementEntry extends HistoryEntry {
  /** The balance right after this entry, in kopecks. */
  balanceAfter: number;
}

export interface ServiceCharges {
  serviceCode: string | null;
  chargeType: ChargeType;
  amount: number;
  count: number;
}

/**
 * A statement of an account for a period. Every amount is the effect on the balance in kopecks, as
 * in the ledger: charges and debits are negative, payments and credits positive, so
 * closing = opening + credit + debit.
 */
export interface Statement {
  account: Pick<Account, 'id' | 'number' | 'kind' | 'address'>;
  from: string;
  to: string;
  openingBalance: number;
  closingBalance: number;
  turnover: { credit: number; debit: number };
  charges: { total: number; oneTime: number; periodic: number; byService: ServiceCharges[] };
  payments: number;
  corrections: number;
  promisedCredits: number;
  promisedReversals: number;
  entryCount: number;
}

interface Totals {
  opening: number;
  groups: Array<{ kind: EntryKind; chargeType: ChargeType | null; serviceCode: string | null; credit: boolean; amount: number; count: number }>;
}

/**
 * The sums of a statement, in SQL over the (customer_id, account_id, occurred_at, id) index: the
 * opening balance is everything before the period; the period's entries are summed by kind, charge
 * type, service and sign. Two rows of aggregates however long the history is.
 */
async function statementTotals(db: Db, selection: EntrySelection & { start: Date; end: Date }): Promise<Totals> {
  const opening = await db
    .selectFrom('accounts_ledger_entry')
    .select(sql<number>`coalesce(sum(amount), 0)::bigint`.as('sum'))
    .where('customer_id', '=', selection.customerId)
    .where('account_id', '=', selection.accountId)
    .where('occurred_at', '<', selection.start)
    .executeTakeFirstOrThrow();
  const groups = await db
    .selectFrom('accounts_ledger_entry')
    .select([
      'kind',
      'charge_type as chargeType',
      'service_code as serviceCode',
      sql<boolean>`amount > 0`.as('credit'),
      sql<number>`sum(amount)::bigint`.as('amount'),
      sql<number>`count(*)::bigint`.as('count'),
    ])
    .where('customer_id', '=', selection.customerId)
    .where('account_id', '=', selection.accountId)
    .where('occurred_at', '>=', selection.start)
    .where('occurred_at', '<', selection.end)
    .groupBy(['kind', 'charge_type', 'service_code', sql`amount > 0`])
    .execute();
  return { opening: Number(opening.sum), groups: groups.map((group) => ({ ...group, amount: Number(group.amount), count: Number(group.count) })) };
}

function summarize(account: Account, period: { from: string; to: string }, totals: Totals): Statement {
  const sum = (predicate: (group: Totals['groups'][number]) => boolean) => totals.groups.filter(predicate).reduce((total, group) => total + group.amount, 0);
  const credit = sum((group) => group.credit);
  const debit = sum((group) => !group.credit);
  const byService = new Map<string, ServiceCharges>();
  for (const group of totals.groups) {
    if (group.kind !== 'charge' || !group.chargeType) continue;
    const key = `${group.chargeType}/${group.serviceCode ?? ''}`;
    const item = byService.get(key) ?? { serviceCode: group.serviceCode, chargeType: group.chargeType, amount: 0, count: 0 };
    item.amount += group.amount;
    item.count += group.count;
    byService.set(key, item);
  }
  return {
    account: { id: account.id, number: account.number, kind: account.kind, address: account.address },
    from: period.from,
    to: period.to,
    openingBalance: totals.opening,
    closingBalance: totals.opening + credit + debit,
    turnover: { credit, debit },
    charges: {
      total: sum((group) => group.kind === 'charge'),
      oneTime: sum((group) => group.chargeType === 'one_time'),
      periodic: sum((group) => group.chargeType === 'periodic'),
      byService: [...byService.values()].sort((a, b) => a.amount - b.amount || String(a.serviceCode).localeCompare(String(b.serviceCode))),
    },
    payments: sum((group) => group.kind === 'payment'),
    corrections: sum((group) => group.kind === 'correction'),
    promisedCredits: sum((group) => group.kind === 'promised_credit'),
    promisedReversals: sum((group) => group.kind === 'promised_reversal'),
    entryCount: totals.groups.reduce((total, group) => total + group.count, 0),
  };
}

/** Sums and entries from one snapshot, so the listed entries always add up to the totals. */
function snapshot<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work);
}

async function prepare(ctx: HistoryContext, customerId: string, accountId: string, period: { from: string; to: string }) {
  const account = await requireAccount(ctx.db, customerId, accountId);
  checkPeriod(period);
  const { start, end } = await periodBounds(ctx.db, ctx.timeZone, period);
  return { account, selection: { customerId, accountId, start: start!, end: end! } };
}

function withBalances(entries: readonly HistoryEntry[], opening: number): StatementEntry[] {
  let balance = opening;
  return entries.map((entry) => {
    balance += entry.amount;
    return { ...entry, balanceAfter: balance };
  });
}

/** The statement for a period with its first entries (`truncated` when there are more). */
export async function getAccountStatement(
  ctx: HistoryContext,
  customerId: string,
  accountId: string,
  period: { from: string; to: string },
): Promise<Statement & { entries: StatementEntry[]; truncated: boolean }> {
  const { account, selection } = await prepare(ctx, customerId, accountId, period);
  return snapshot(ctx.db, async (trx) => {
    const totals = await statementTotals(trx, selection);
    const rows = await selectEntries(trx, selection, { limit: STATEMENT_ENTRY_CAP + 1, ascending: true });
    const statement = summarize(account, period, totals);
    return { ...statement, entries: withBalances(rows.slice(0, STATEMENT_ENTRY_CAP), statement.openingBalance), truncated: rows.length > STATEMENT_ENTRY_CAP };
  });
}

/** The statement with all its entries, for a file. */
export async function getFullStatement(
  ctx: HistoryContext,
  customerId: string,
  accountId: string,
  period: { from: string; to: string },
): Promise<Statement & { entries: StatementEntry[] }> {
  const { account, selection } = await prepare(ctx, customerId, accountId, period);
  return snapshot(ctx.db, async (trx) => {
    const totals = await statementTotals(trx, selection);
    const entries: HistoryEntry[] = [];
    for await (const entry of allEntries(trx, selection)) entries.push(entry);
    const statement = summarize(account, period, totals);
    return { ...statement, entries: withBalances(entries, statement.openingBalance) };
  });
}
