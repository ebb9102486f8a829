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
 * (a payment, a promised payment, a correction). Runs in the transaction that moved the balances, for
 * all of them at once: one insert of the debt blocks that open, one update of those that end.
 */
export async function applyDebtRules(trx: Db, accounts: readonly BalanceState[], now: Date): Promise<void> {
  const inDebt = accounts.filter((account) => account.blockThreshold !== null && account.balance < account.blockThreshold);
  const clear = accounts.filter((account) => !inDebt.includes(account));
  if (inDebt.length > 0) {
    await trx
      .insertInto('accounts_block')
      .values(inDebt.map((account) => ({ customer_id: account.customerId, id: uuidv7(), account_id: account.id, reason: 'debt' as const, note: null, started_at: now, started_by: null })))
      .onConflict((oc) => oc.columns(['customer_id', 'account_id', 'reason']).where('ended_at', 'is', null).doNothing())
      .execute();
  }
  if (clear.length > 0) {
    await trx
      .updateTable('accounts_block')
      .set({ ended_at: now, ended_by: null, end_note: null })
      .where('reason', '=', 'debt')
      .where('ended_at', 'is', null)
      .where((eb) => eb.or(clear.map((account) => eb.and([eb('customer_id', '=', account.customerId), eb('account_id', '=', account.id)]))))
      .execute();
  }
}

export async function applyDebtRule(trx: Db, account: BalanceState, now: Date): Promise<void> {
  await applyDebtRules(trx, [account], now);
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
