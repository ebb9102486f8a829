import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../platform/db/database.ts';
import type { BlockReason } from './tables.ts';

export interface BalanceState {
  customerId: string;
  id: string;
  balance: number;
  blockThreshold: number | null;
}

/**
 * Blocked for debt while the balance is below the account's threshold; lifted as soon as it is not
 * (a payment, a promised payment, a correction). Runs in the transaction that moved the balance.
 */
export async function applyDebtRule(trx: Db, account: BalanceState, now: Date): Promise<void> {
  const inDebt = account.blockThreshold !== null && account.balance < account.blockThreshold;
  if (inDebt) {
    await openBlock(trx, { customerId: account.customerId, accountId: account.id, reason: 'debt', note: null, startedBy: null }, now);
  } else {
    await closeBlock(trx, { customerId: account.customerId, accountId: account.id, reason: 'debt', endedBy: null, note: null }, now);
  }
}

export interface OpenBlock {
  customerId: string;
  accountId: string;
  reason: BlockReason;
  note: string | null;
  startedBy: string | null;
  plannedEnd?: string | null;
}

/** Opens a block for the reason unless one is open already; answers whether it opened one. */
export async function openBlock(trx: Db, block: OpenBlock, now: Date): Promise<boolean> {
  const opened = await trx
    .insertInto('accounts_block')
    .values({
      customer_id: block.customerId,
      id: uuidv7(),
      account_id: block.accountId,
      reason: block.reason,
      note: block.note,
      started_at: now,
      started_by: block.startedBy,
      planned_end: block.plannedEnd ?? null,
    })
    .onConflict((oc) => oc.columns(['customer_id', 'account_id', 'reason']).where('ended_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return opened !== undefined;
}

/** Ends the open block of that reason, if any; answers whether there was one. */
export async function closeBlock(
  trx: Db,
  block: { customerId: string; accountId: string; reason: BlockReason; endedBy: string | null; note: string | null },
  now: Date,
): Promise<boolean> {
  const closed = await trx
    .updateTable('accounts_block')
    .set({ ended_at: now, ended_by: block.endedBy, end_note: block.note })
    .where('customer_id', '=', block.customerId)
    .where('account_id', '=', block.accountId)
    .where('reason', '=', block.reason)
    .where('ended_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return closed !== undefined;
}

export interface Block {
  id: string;
  reason: BlockReason;
  note: string | null;
  startedAt: Date;
  plannedEnd: string | null;
  endedAt: Date | null;
  endNote: string | null;
}

/** The account's whole block history, newest first (open blocks have no end). */
export async function listBlocks(db: Db, customerId: string, accountId: string): Promise<Block[]> {
  return db
    .selectFrom('accounts_block')
    .select(['id', 'reason', 'note', 'started_at as startedAt', 'planned_end as plannedEnd', 'ended_at as endedAt', 'end_note as endNote'])
    .where('customer_id', '=', customerId)
    .where('account_id', '=', accountId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
