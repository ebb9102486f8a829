import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { RequestOrigin } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { SessionState, StaffRole, UserKind } from './tables.ts';

/** Idle and absolute lifetimes (ASVS 7.3): staff get the short ones and no "remember me". */
const LIFETIMES = {
  staff: { idle: 30 * 60, absolute: 12 * 3600 },
  customer: { idle: 2 * 3600, absolute: 24 * 3600 },
  remembered: { idle: 30 * 24 * 3600, absolute: 30 * 24 * 3600 },
} as const;

/** Sensitive changes need a sign-in younger than this. */
export const FRESH_LOGIN_SECONDS = 15 * 60;
const TOUCH_EVERY_SECONDS = 60;

export interface SessionUser {
  id: string;
  kind: UserKind;
  staffRole: StaffRole | null;
  name: string;
  email: string;
  phone: string | null;
  locale: 'ru' | 'en';
  totpEnabled: boolean;
  mustChangePassword: boolean;
}

export interface Session {
  id: string;
  state: SessionState;
  remember: boolean;
  createdAt: Date;
  authenticatedAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface Authenticated {
  session: Session;
  user: SessionUser;
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function lifetime(kind: UserKind, remember: boolean) {
  if (kind === 'staff') return LIFETIMES.staff;
  return remember ? LIFETIMES.remembered : LIFETIMES.customer;
}

/** A new session with a fresh 256-bit token; only its hash is stored. */
export async function createSession(
  db: Db,
  now: Date,
  input: { userId: string; kind: UserKind; state: SessionState; remember: boolean; origin: RequestOrigin },
): Promise<{ id: string; token: string; maxAgeSeconds: number | undefined }> {
  const remember = input.remember && input.kind !== 'staff';
  const limits = lifetime(input.kind, remember);
  const token = randomBytes(32).toString('base64url');
  const id = uuidv7();
  await db
    .insertInto('identity_session')
    .values({
      id,
      user_id: input.userId,
      token_hash: hashToken(token),
      state: input.state,
      remember,
      created_at: now,
      authenticated_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + limits.absolute * 1000),
      ip: input.origin.ip,
      user_agent: input.origin.userAgent?.slice(0, 512) ?? null,
    })
    .execute();
  return { id, token, maxAgeSeconds: remember ? limits.absolute : undefined };
}

/** The live session behind a token, with its user; touches `last_seen_at` at most once a minute. */
export async function findAuthenticated(db: Db, token: string, now: Date): Promise<Authenticated | undefined> {
  const row = await db
    .selectFrom('identity_session as s')
    .innerJoin('identity_user as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId',
      's.state',
      's.remember',
      's.created_at as createdAt',
      's.authenticated_at as authenticatedAt',
      's.last_seen_at as lastSeenAt',
      's.expires_at as expiresAt',
      'u.id as userId',
      'u.kind',
      'u.staff_role as staffRole',
      'u.name',
      'u.email',
      'u.phone',
      'u.locale',
      'u.totp_enabled_at as totpEnabledAt',
      'u.must_change_password as mustChangePassword',
      'u.status',
    ])
    .where('s.token_hash', '=', hashToken(token))
    .where('s.ended_at', 'is', null)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
  if (!row || row.status !== 'active') return undefined;
  const idle = lifetime(row.kind, row.remember).idle;
  if (row.lastSeenAt.getTime() + idle * 1000 <= now.getTime()) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_SECONDS * 1000) {
    await db.updateTable('identity_session').set({ last_seen_at: now }).where('id', '=', row.sessionId).execute();
  }
  return {
    session: {
      id: row.sessionId,
      state: row.state,
      remember: row.remember,
      createdAt: row.createdAt,
      authenticatedAt: row.authenticatedAt,
      lastSeenAt: row.lastSeenAt,
      expiresAt: row.expiresAt,
    },
    user: {
      id: row.userId,
      kind: row.kind,
      staffRole: row.staffRole,
      name: row.name,
      email: row.email,
      phone: row.phone,
      locale: row.locale,
      totpEnabled: row.totpEnabledAt !== null,
      mustChangePassword: row.mustChangePassword,
    },
  };
}

export async function endSession(db: Db, sessionId: string, reason: string, now: Date): Promise<void> {
  await db.updateTable('identity_session').set({ ended_at: now, end_reason: reason }).where('id', '=', sessionId).where('ended_at', 'is', null).execute();
}

/** Ends every live session of a user (but one, when `keep` is given); returns how many ended. */
export async function endUserSessions(db: Db, userId: string, reason: string, now: Date, keep?: string): Promise<number> {
  const result = await db
    .updateTable('identity_session')
    .set({ ended_at: now, end_reason: reason })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .$if(keep !== undefined, (qb) => qb.where('id', '!=', keep!))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface SessionListItem {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export async function listLiveSessions(db: Db, userId: string, now: Date): Promise<SessionListItem[]> {
  return db
    .selectFrom('identity_session')
    .select(['id', 'created_at as createdAt', 'last_seen_at as lastSeenAt', 'ip', 'user_agent as userAgent'])
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .where('state', '=', 'active')
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export function isFresh(session: Session, now: Date): boolean {
  return now.getTime() - session.authenticatedAt.getTime() <= FRESH_LOGIN_SECONDS * 1000;
}
