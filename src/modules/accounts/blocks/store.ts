import type { Db } from '../../../platform/db/database.ts';
import type { Block } from '../blocking.ts';
import type { BlockReason } from '../tables.ts';

export async function findOpenBlock(db: Db, customerId: string, accountId: string, reason: BlockReason): Promise<Block | undefined> {
  return db
    .selectFrom('accounts_block')
    .select(['id', 'reason', 'note', 'started_at as startedAt', 'planned_end as plannedEnd', 'ended_at as endedAt', 'end_note as endNote'])
    .where('customer_id', '=', customerId)
    .where('account_id', '=', accountId)
    .where('reason', '=', reason)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

/** Ends the voluntary blocks planned to end on `today` or before; answers how many. */
export async function endPlannedBlocks(db: Db, today: string, now: Date): Promise<number> {
  const ended = await db
    .updateTable('accounts_block')
    .set({ ended_at: now, ended_by: null })
    .where('reason', '=', 'voluntary')
    .where('ended_at', 'is', null)
    .where('planned_end', '<=', today)
    .returning('id')
    .execute();
  return ended.length;
}
