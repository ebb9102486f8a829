import type { Db } from '../../platform/db/database.ts';
import type { PromisedStatus } from './tables.ts';

/** A promised payment as the cabinet and the back office see it. */
export interface PromisedPayment {
  id: string;
  accountId: string;
  amount: number;
  status: PromisedStatus;
  grantedAt: Date;
  expiresAt: Date;
  reversedAt: Date | null;
}

const columns = ['id', 'account_id as accountId', 'amount', 'status', 'granted_at as grantedAt', 'expires_at as expiresAt', 'reversed_at as reversedAt'] as const;

function ofAccount(db: Db, customerId: string, accountId: string) {
  return db.selectFrom('promised_payment').select(columns).where('customer_id', '=', customerId).where('account_id', '=', accountId);
}

export async function findOpenPromised(db: Db, customerId: string, accountId: string): Promise<PromisedPayment | undefined> {
  return ofAccount(db, customerId, accountId).where('status', '=', 'open').executeTakeFirst();
}

/** The latest grant of the account, open or reversed: the interval between two counts from it. */
export async function findLastPromised(db: Db, customerId: string, accountId: string): Promise<PromisedPayment | undefined> {
  return ofAccount(db, customerId, accountId).orderBy('granted_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export async function listPromised(db: Db, customerId: string, accountId: string, limit: number): Promise<PromisedPayment[]> {
  return ofAccount(db, customerId, accountId).orderBy('granted_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function insertPromised(
  db: Db,
  row: { customerId: string; id: string; accountId: string; amount: number; grantedAt: Date; grantedBy: string | null; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('promised_payment')
    .values({
      customer_id: row.customerId,
      id: row.id,
      account_id: row.accountId,
      amount: row.amount,
      status: 'open',
      granted_at: row.grantedAt,
      granted_by: row.grantedBy,
      expires_at: row.expiresAt,
      reversed_at: null,
    })
    .execute();
}

/** Open promised payments due at `now`, oldest first. */
export async function findDuePromised(db: Db, now: Date, limit: number): Promise<Array<{ customerId: string; accountId: string; id: string }>> {
  return db
    .selectFrom('promised_payment')
    .select(['customer_id as customerId', 'account_id as accountId', 'id'])
    .where('status', '=', 'open')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The promised payment, locked, if it is still open (a second run of the job finds nothing). */
export async function lockOpenPromised(trx: Db, customerId: string, id: string): Promise<PromisedPayment | undefined> {
  return trx.selectFrom('promised_payment').select(columns).where('customer_id', '=', customerId).where('id', '=', id).where('status', '=', 'open').forUpdate().executeTakeFirst();
}

export async function markReversed(trx: Db, customerId: string, id: string, now: Date): Promise<void> {
  await trx.updateTable('promised_payment').set({ status: 'reversed', reversed_at: now }).where('customer_id', '=', customerId).where('id', '=', id).execute();
}
