import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export interface LedgerMismatch {
  customerId: string;
  accountId: string;
  number: string;
  balance: number;
  sum: number;
}

/**
 * Proves every account's stored balance equals the sum of its ledger entries; lists those that do
 * not. Reads one consistent snapshot (a repeatable-read transaction), so postings running meanwhile
 * cannot produce a false alarm.
 */
export async function verifyLedger(db: Db): Promise<{ accounts: number; entries: number; mismatches: LedgerMismatch[] }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const totals = await trx
        .selectFrom('accounts_ledger_entry')
        .select(['customer_id', 'account_id', sql<number>`sum(amount)::bigint`.as('sum'), sql<number>`count(*)::bigint`.as('entries')])
        .groupBy(['customer_id', 'account_id'])
        .as('totals');
      const rows = await trx
        .selectFrom('accounts_account as a')
        .leftJoin(totals, (join) => join.onRef('totals.customer_id', '=', 'a.customer_id').onRef('totals.account_id', '=', 'a.id'))
        .select([
          'a.customer_id as customerId',
          'a.id as accountId',
          'a.number',
          'a.balance',
          sql<number>`coalesce(totals.sum, 0)`.as('sum'),
          sql<number>`coalesce(totals.entries, 0)`.as('entries'),
        ])
        .execute();
      const mismatches = rows.filter((row) => Number(row.balance) !== Number(row.sum)).map(({ entries: _entries, ...row }) => ({ ...row, sum: Number(row.sum) }));
      return { accounts: rows.length, entries: rows.reduce((total, row) => total + Number(row.entries), 0), mismatches };
    });
}
