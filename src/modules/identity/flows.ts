import { createHash, randomInt } from 'node:crypto';
import type { Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { RequestOrigin } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { clientKey, hit, type Limit } from '../../platform/throttle/throttle.ts';
import { FlowExpiredError, FlowNotFoundError, InvalidCodeError, ResendTooSoonError, TooManyAttemptsError } from './errors.ts';
import type { FlowKind, IdentityTables } from './tables.ts';

/**
 * Self-service flows: a row per attempt to register, recover, or change a contact, confirmed by a
 * one-time code (see flows.md for the states). Codes: 6 digits from a CSPRNG, stored hashed and
 * bound to their flow, valid 10 minutes, dead after 5 wrong tries, single use.
 */
export const CODE_TTL_SECONDS = 10 * 60;
export const CODE_MAX_ATTEMPTS = 5;
export const RESEND_COOLDOWN_SECONDS = 60;

export type Flow = Selectable<IdentityTables['identity_flow']>;

/** Codes sent per day, per address and per client address, whatever the flow. */
const CODES_PER_ADDRESS: Limit = { max: 10, windowSeconds: 24 * 3600 };
const CODES_PER_CLIENT: Limit = { max: 100, windowSeconds: 24 * 3600 };

export async function assertCodeSendAllowed(db: Db, now: Date, address: string, origin: RequestOrigin): Promise<void> {
  for (const [key, limit] of [[`code:address:${address}`, CODES_PER_ADDRESS], [`code:client:${clientKey(origin.ip ?? 'unknown')}`, CODES_PER_CLIENT]] as const) {
    const state = await hit(db, key, limit, now);
    if (!state.allowed) throw new TooManyAttemptsError(state.retryAfterSeconds);
  }
}

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function hashCode(flowId: string, code: string): Buffer {
  return createHash('sha256').update(`${flowId}:${code}`).digest();
}

export interface NewFlow {
  kind: FlowKind;
  userId: string | null;
  channel: 'email' | 'sms';
  address: string;
  payload?: Record<string, unknown>;
}

/** Creates a flow with a fresh code; returns the flow id and the code to deliver. */
export async function startFlow(db: Db, now: Date, flow: NewFlow): Promise<{ id: string; code: string }> {
  const id = uuidv7();
  const code = newCode();
  await db
    .insertInto('identity_flow')
    .values({
      id,
      kind: flow.kind,
      user_id: flow.userId,
      channel: flow.channel,
      address: flow.address,
      code_hash: hashCode(id, code),
      state: 'pending',
      payload: JSON.stringify(flow.payload ?? {}),
      issued_at: now,
      code_sent_at: now,
      expires_at: new Date(now.getTime() + CODE_TTL_SECONDS * 1000),
    })
    .execute();
  return { id, code };
}

/** Locks the flow row for the rest of the transaction, so two confirmations cannot both pass. */
export async function lockFlow(db: Db, id: string, kind: FlowKind): Promise<Flow> {
  const flow = await db.selectFrom('identity_flow').selectAll().where('id', '=', id).where('kind', '=', kind).forUpdate().executeTakeFirst();
  if (!flow) throw new FlowNotFoundError();
  return flow;
}

export function assertUsable(flow: Flow, now: Date): void {
  switch (flow.state) {
    case 'pending':
      if (flow.expires_at <= now || flow.attempts >= CODE_MAX_ATTEMPTS) throw new FlowExpiredError();
      return;
    case 'completed':
    case 'failed':
      throw new FlowExpiredError();
    default:
      throw new Error(`unknown flow state ${String(flow.state)}`);
  }
}

/**
 * Checks a code against a locked, usable flow. A wrong code counts an attempt and the fifth kills
 * the flow; the caller must let that write commit (return, then throw `wrongCode` outside the
 * transaction), or guessing would cost nothing.
 */
export async function checkCode(db: Db, flow: Flow, code: string): Promise<boolean> {
  const candidate = hashCode(flow.id, code);
  const stored = flow.code_hash ? Buffer.from(flow.code_hash) : undefined;
  if (stored && stored.length === candidate.length && stored.equals(candidate)) return true;
  const attempts = flow.attempts + 1;
  await db
    .updateTable('identity_flow')
    .set({ attempts, ...(attempts >= CODE_MAX_ATTEMPTS ? { state: 'failed' as const } : {}) })
    .where('id', '=', flow.id)
    .execute();
  return false;
}

export function wrongCode(flow: Flow): InvalidCodeError {
  return new InvalidCodeError(Math.max(0, CODE_MAX_ATTEMPTS - flow.attempts - 1));
}

export async function completeFlow(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('identity_flow').set({ state: 'completed', completed_at: now, code_hash: null }).where('id', '=', id).execute();
}

/** A new code replaces the old one (which stops working) after the cooldown. */
export async function replaceCode(db: Db, flow: Flow, now: Date): Promise<string> {
  const sentAt = flow.code_sent_at?.getTime() ?? 0;
  const wait = Math.ceil((sentAt + RESEND_COOLDOWN_SECONDS * 1000 - now.getTime()) / 1000);
  if (wait > 0) throw new ResendTooSoonError(wait);
  const code = newCode();
  await db
    .updateTable('identity_flow')
    .set({ code_hash: hashCode(flow.id, code), attempts: 0, code_sent_at: now, expires_at: new Date(now.getTime() + CODE_TTL_SECONDS * 1000) })
    .where('id', '=', flow.id)
    .execute();
  return code;
}

/** Ends other pending flows of the same kind for the same address: only the newest code works. */
export async function supersedeFlows(db: Db, kind: FlowKind, address: string, keepId: string): Promise<void> {
  await db
    .updateTable('identity_flow')
    .set({ state: 'failed', code_hash: null })
    .where('kind', '=', kind)
    .where('address', '=', address)
    .where('state', '=', 'pending')
    .where('id', '!=', keepId)
    .execute();
}

/** Removes flows finished or expired a day ago; run by a scheduled job. */
export async function deleteStaleFlows(db: Db, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('identity_flow')
    .where('expires_at', '<', new Date(now.getTime() - 24 * 3600 * 1000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
