import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Flow } from './flows.ts';
import type { FlowKind } from './tables.ts';

/** The SQL of the self-service account pages; every statement is scoped by the owner's id. */

export async function countUnusedBackupCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('identity_backup_code')
    .select((eb) => eb.fn.countAll<string>().as('left'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.left);
}

export async function updateUser(
  db: Db,
  userId: string,
  now: Date,
  changes: { name?: string; locale?: 'ru' | 'en'; marketing_opt_in?: boolean; notify_by_sms?: boolean; email?: string; email_normalized?: string; phone?: string | null },
): Promise<void> {
  await db.updateTable('identity_user').set({ ...changes, updated_at: now }).where('id', '=', userId).execute();
}

export async function markAuthenticated(db: Db, userId: string, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('identity_session').set({ authenticated_at: now }).where('id', '=', sessionId).where('user_id', '=', userId).execute();
}

/** Ends one session of this user; returns false when no such live session is theirs. */
export async function endOwnSession(db: Db, userId: string, sessionId: string, reason: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('identity_session')
    .set({ ended_at: now, end_reason: reason })
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Fails the user's pending flows of these kinds (all kinds when none given), but `keepId`. */
export async function failPendingUserFlows(db: Db, userId: string, kinds: FlowKind[], keepId?: string): Promise<void> {
  await db
    .updateTable('identity_flow')
    .set({ state: 'failed', code_hash: null, payload: '{}' })
    .where('user_id', '=', userId)
    .where('state', '=', 'pending')
    .$if(kinds.length > 0, (qb) => qb.where('kind', 'in', kinds))
    .$if(keepId !== undefined, (qb) => qb.where('id', '!=', keepId!))
    .execute();
}

/** The user's newest pending flow of a kind, locked for the rest of the transaction. */
export async function lockNewestUserFlow(db: Db, userId: string, kind: FlowKind): Promise<Flow | undefined> {
  return db
    .selectFrom('identity_flow')
    .selectAll()
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('state', '=', 'pending')
    .orderBy('issued_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

/** Counts a wrong code against a flow that has no code of its own (TOTP setup); the fifth kills it. */
export async function countFlowAttempt(db: Db, flow: Flow, maxAttempts: number): Promise<void> {
  const attempts = flow.attempts + 1;
  await db
    .updateTable('identity_flow')
    .set({ attempts, ...(attempts >= maxAttempts ? { state: 'failed' as const, payload: '{}' } : {}) })
    .where('id', '=', flow.id)
    .execute();
}

/** Completes a flow that carried a secret, and forgets the secret with it. */
export async function completeSecretFlow(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('identity_flow').set({ state: 'completed', completed_at: now, code_hash: null, payload: '{}' }).where('id', '=', id).execute();
}

export async function setTotp(db: Db, userId: string, now: Date, totp: { secret: string; step: number } | null): Promise<void> {
  await db
    .updateTable('identity_user')
    .set(totp ? { totp_secret: totp.secret, totp_enabled_at: now, totp_last_step: totp.step, updated_at: now } : { totp_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: now })
    .where('id', '=', userId)
    .execute();
  if (!totp) await db.deleteFrom('identity_backup_code').where('user_id', '=', userId).execute();
}

export interface HackedReport {
  userId: string;
  at: Date;
  comment: string | null;
}

export const HACKED_EVENT = 'account.reported_hacked';

export async function findHackedReports(db: Db, options: { since: Date }): Promise<HackedReport[]> {
  const rows = await db
    .selectFrom('audit_event')
    .select(['subject_id as userId', 'at', sql<string | null>`details->>'comment'`.as('comment')])
    .where('event', '=', HACKED_EVENT)
    .where('at', '>=', options.since)
    .where('subject_id', 'is not', null)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ userId: row.userId!, at: row.at, comment: row.comment }));
}
