import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/** What a rule about an account (a promised payment, a block) needs to know, read under its lock. */
export interface AccountState {
  customerId: string;
  id: string;
  number: string;
  status: 'active' | 'closed';
  balance: number;
  blockThreshold: number | null;
  /** Since when the customer has had it: its first ledger entry if the billing's history predates the account's row here. */
  openedAt: Date;
}

function state(db: Db, customerId: string, accountId: string) {
  return db
    .selectFrom('accounts_account')
    .select([
      'customer_id as customerId',
      'id',
      'number',
      'status',
      'balance',
      'block_threshold as blockThreshold',
      sql<Date>`least(created_at, (select min(e.occurred_at) from accounts_ledger_entry e where e.customer_id = accounts_account.customer_id and e.account_id = accounts_account.id))`.as('openedAt'),
    ])
    .where('customer_id', '=', customerId)
    .where('id', '=', accountId);
}

export async function getAccountState(db: Db, customerId: string, accountId: string): Promise<AccountState | undefined> {
  return state(db, customerId, accountId).executeTakeFirst();
}

/**
 * The account row locked for the rest of the caller's transaction (FOR UPDATE): decisions taken on
 * its balance and blocks cannot race another request for the same account. postEntries takes the
 * same lock, so taking it first changes no lock order.
 */
export async function lockAccountState(trx: Db, customerId: string, accountId: string): Promise<AccountState | undefined> {
  return state(trx, customerId, accountId).forUpdate().executeTakeFirst();
}

/**
 * «Monthly charges»: the periodic charges of the latest period the account was charged for, in
 * kopecks (positive), with that period; undefined when it has never had a periodic charge.
 */
export async function latestPeriodicCharges(db: Db, customerId: string, accountId: string): Promise<{ period: string; amount: number } | undefined> {
  const row = await db
    .selectFrom('accounts_ledger_entry')
    .select(['period', sql<number>`(-sum(amount))::bigint`.as('amount')])
    .where('customer_id', '=', customerId)
    .where('account_id', '=', accountId)
    .where('kind', '=', 'charge')
    .where('charge_type', '=', 'periodic')
    .where('period', 'is not', null)
    .groupBy('period')
    .orderBy('period', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && row.period !== null ? { period: row.period, amount: Number(row.amount) } : undefined;
}
