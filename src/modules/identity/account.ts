import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { hit, peekAll, reset } from '../../platform/throttle/throttle.ts';
import { accountFailureCounter } from './login.ts';
import { countUnusedBackupCodes, failPendingUserFlows, HACKED_EVENT, markAuthenticated, updateUser } from './account-store.ts';
import { deliverNotice, withDb, type IdentityContext } from './context.ts';
import { CodeRequiredError, InvalidCredentialsError, TooManyAttemptsError, UnauthenticatedError } from './errors.ts';
import type { Locale } from './messages.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.ts';
import { endUserSessions, type Authenticated } from './sessions.ts';
import { consumeBackupCode, consumeTotpStep, verifyTotp } from './totp.ts';
import { findUserById, setPasswordHash, type UserRow } from './users.ts';


export interface Credentials {
  password: string;
  code?: string | undefined;
  /** Ask for the TOTP (or backup) code too when the user has two-factor on. */
  secondFactor: boolean;
}

/**
 * Re-checks the caller's password (and second factor), then runs `apply` in the same transaction
 * as the code's consumption. A failure is counted and committed before it is thrown.
 */
export async function withCredentials<T>(ctx: IdentityContext, auth: Authenticated, credentials: Credentials, apply: (trx: Db, user: UserRow) => Promise<T>): Promise<T> {
  const user = await findUserById(ctx.db, auth.user.id);
  if (!user) throw new UnauthenticatedError();
  const askCode = credentials.secondFactor && user.totp_secret !== null && user.totp_enabled_at !== null;
  const code = credentials.code?.trim() ?? '';
  if (askCode && code === '') throw new CodeRequiredError();
  // A password typed here counts against the sign-in counter: a stolen session is no cheaper way to guess it.
  const [key, limitOfKey] = accountFailureCounter(user.email);
  const limit = await peekAll(ctx.db, [[key, limitOfKey]], ctx.now);
  if (!limit.allowed) throw new TooManyAttemptsError(limit.retryAfterSeconds);

  const passwordOk = await verifyPassword(user.password_hash, credentials.password);
  const step = passwordOk && askCode ? await verifyTotp(user.totp_secret!, code, ctx.now, user.totp_last_step) : undefined;
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    let accepted = passwordOk;
    if (accepted && askCode) accepted = step !== undefined ? await consumeTotpStep(trx, user.id, step) : await consumeBackupCode(trx, user.id, code, ctx.now);
    if (!accepted) {
      const state = await hit(trx, key, limitOfKey, ctx.now);
      await recordAudit(trx, ctx.now, { event: 'reauthentication.failed', actorId: user.id, subjectId: user.id, origin: ctx.origin });
      return { error: state.allowed ? new InvalidCredentialsError() : new TooManyAttemptsError(state.retryAfterSeconds) } as const;
    }
    await reset(trx, key);
    return { result: await apply(trx, user) } as const;
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}

/** Makes the current session "fresh" again, for the changes that call `requireFreshLogin`. */
export async function reauthenticate(ctx: IdentityContext, auth: Authenticated, input: { password: string; code?: string | undefined }): Promise<void> {
  await withCredentials(ctx, auth, { ...input, secondFactor: true }, async (trx) => {
    await markAuthenticated(trx, auth.user.id, auth.session.id, ctx.now);
    await recordAudit(trx, ctx.now, { event: 'session.reauthenticated', actorId: auth.user.id, subjectId: auth.user.id, origin: ctx.origin });
  });
}

export interface Profile {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  locale: Locale;
  marketingOptIn: boolean;
  notifyBySms: boolean;
  totpEnabled: boolean;
  backupCodesLeft: number;
}

export async function getAccount(ctx: IdentityContext, auth: Authenticated): Promise<Profile> {
  const user = await findUserById(ctx.db, auth.user.id);
  if (!user) throw new UnauthenticatedError();
  const totpEnabled = user.totp_enabled_at !== null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    phone: user.phone,
    locale: user.locale,
    marketingOptIn: user.marketing_opt_in,
    notifyBySms: user.notify_by_sms,
    totpEnabled,
    backupCodesLeft: totpEnabled ? await countUnusedBackupCodes(ctx.db, user.id) : 0,
  };
}

export async function updateProfile(ctx: IdentityContext, auth: Authenticated, input: { name?: string | undefined; locale?: Locale | undefined }): Promise<Profile> {
  const changes = { ...(input.name !== undefined ? { name: input.name.trim() } : {}), ...(input.locale !== undefined ? { locale: input.locale } : {}) };
  if (Object.keys(changes).length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      await updateUser(trx, auth.user.id, ctx.now, changes);
      await recordAudit(trx, ctx.now, { event: 'profile.updated', actorId: auth.user.id, subjectId: auth.user.id, origin: ctx.origin, details: { fields: Object.keys(changes) } });
    });
  }
  return getAccount(ctx, auth);
}

/** The policy's field errors, moved to the field this form calls the new password. */
function checkNewPassword(password: string): void {
  try {
    checkPasswordPolicy(password);
  } catch (error) {
    if (!(error instanceof AppError) || !error.options.errors) throw error;
    throw new AppError(error.code, error.status, { ...error.options, errors: error.options.errors.map((item) => ({ ...item, field: 'newPassword' })) });
  }
}

/** A new password with the current one; every other session ends, this one stays. */
export async function changePassword(ctx: IdentityContext, auth: Authenticated, input: { currentPassword: string; newPassword: string }): Promise<void> {
  checkNewPassword(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await withCredentials(ctx, auth, { password: input.currentPassword, secondFactor: false }, async (trx, user) => {
    await setPasswordHash(trx, user.id, passwordHash, ctx.now, { changed: true });
    const ended = await endUserSessions(trx, user.id, 'password_changed', ctx.now, auth.session.id);
    await recordAudit(trx, ctx.now, { event: 'password.changed', actorId: user.id, subjectId: user.id, origin: ctx.origin, details: { sessionsEnded: ended } });
    await deliverNotice(withDb(ctx, trx), user.email, 'password_changed');
  });
}

export interface NotificationPreferences {
  marketing: boolean;
  sms: boolean;
}

/** Advertising needs the person's recorded consent (38-FZ art. 18), so each change is audited. */
export async function setNotificationPreferences(ctx: IdentityContext, auth: Authenticated, input: NotificationPreferences): Promise<NotificationPreferences> {
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, auth.user.id, ctx.now, { marketing_opt_in: input.marketing, notify_by_sms: input.sms });
    await recordAudit(trx, ctx.now, { event: 'notifications.updated', actorId: auth.user.id, subjectId: auth.user.id, origin: ctx.origin, details: { ...input } });
  });
  return input;
}

/**
 * "My account was hacked": every session ends (this one too), the password stops working (a
 * random hash nobody knows), pending flows die; the owner gets back in through recovery.
 */
export async function reportHacked(ctx: IdentityContext, auth: Authenticated, input: { comment?: string | undefined }): Promise<void> {
  const unusableHash = await hashPassword(randomBytes(32).toString('base64url'));
  await ctx.db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, auth.user.id, unusableHash, ctx.now, { changed: true });
    const ended = await endUserSessions(trx, auth.user.id, 'reported_hacked', ctx.now);
    await failPendingUserFlows(trx, auth.user.id, []);
    await recordAudit(trx, ctx.now, {
      event: HACKED_EVENT,
      actorId: auth.user.id,
      subjectId: auth.user.id,
      origin: ctx.origin,
      details: { comment: input.comment?.trim() || null, sessionsEnded: ended },
    });
    await deliverNotice(withDb(ctx, trx), auth.user.email, 'hacked_reported');
  });
}
