import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { AccountKind, BlockReason } from './tables.ts';

/** An account as its customer sees it on the dashboard: one row, balance kept in step. */
export interface AccountSummary {
  id: string;
  number: string;
  kind: AccountKind;
  address: string | null;
  contractNumber: string | null;
  subscriberCode: string | null;
  status: 'active' | 'closed';
  balance: number;
  blockThreshold: number | null;
  blockedFor: BlockReason[];
}

function summaries(db: Db, customerId: string) {
  return db
    .selectFrom('accounts_account as a')
    .select([
      'a.id',
      'a.number',
      'a.kind',
      'a.address',
      'a.contract_number as contractNumber',
      'a.subscriber_code as subscriberCode',
      'a.status',
      'a.balance',
      'a.block_threshold as blockThreshold',
      sql<BlockReason[]>`array(select b.reason from accounts_block b where b.customer_id = a.customer_id and b.account_id = a.id and b.ended_at is null order by b.reason)`.as('blockedFor'),
    ])
    .where('a.customer_id', '=', customerId);
}

export async function listCustomerAccounts(db: Db, customerId: string): Promise<AccountSummary[]> {
  return summaries(db, customerId).orderBy('a.number').execute();
}

/** The dashboard's one query; the bench compiles it to give pgbench the same SQL. */
export function accountSummaryQuery(db: Db, customerId: string, accountId: string) {
  return summaries(db, customerId).where('a.id', '=', accountId);
}

export async function getAccountSummary(db: Db, customerId: string, accountId: string): Promise<AccountSummary | undefined> {
  return accountSummaryQuery(db, customerId, accountId).executeTakeFirst();
}
