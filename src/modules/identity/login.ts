import { recordAudit } from '../../platform/audit/audit.ts';
import { clientKey, hit, peekAll, reset, type Limit } from '../../platform/throttle/throttle.ts';
import type { IdentityContext } from './context.ts';
import { AccountBlockedError, InvalidCodeError, InvalidCredentialsError, TooManyAttemptsError, UnauthenticatedError } from './errors.ts';
import { assertHashCapacity, decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password.ts';
import { createSession, endSession, type Authenticated } from './sessions.ts';
import { consumeBackupCode, consumeTotpStep, verifyTotp } from './totp.ts';
import { findUserById, findUserByLogin, normalizeEmail, normalizePhone, setPasswordHash } from './users.ts';

/**
 * Failure limits (ASVS 6.3): per login name — known or not, so a lock reveals nothing — 10 in
 * 15 minutes and 100 in an hour; per client address (IPv6 by /64) 100 in 15 minutes.
 */
const ACCOUNT_SHORT: Limit = { max: 10, windowSeconds: 15 * 60 };
const ACCOUNT_HOURLY: Limit = { max: 100, windowSeconds: 3600 };
const CLIENT: Limit = { max: 100, windowSeconds: 15 * 60 };
const SECOND_FACTOR: Limit = { max: 5, windowSeconds: 15 * 60 };

function loginKey(login: string): string {
  return login.includes('@') ? normalizeEmail(login) : (normalizePhone(login) ?? login.trim());
}

/** The per-account failure counter; password re-checks on settings pages count into it too. */
export function accountFailureCounter(login: string): [string, Limit] {
  return [`login:account:${loginKey(login)}`, ACCOUNT_SHORT];
}

function counters(ctx: IdentityContext, login: string): Array<[string, Limit]> {
  const account = loginKey(login);
  return [
    accountFailureCounter(login),
    [`login:account-hour:${account}`, ACCOUNT_HOURLY],
    [`login:client:${clientKey(ctx.origin.ip ?? 'unknown')}`, CLIENT],
  ];
}

export interface LoginResult {
  session: { token: string; maxAgeSeconds: number | undefined };
  secondFactorRequired: boolean;
}

/** Password sign-in. Unknown login, wrong password: one answer, one cost (a decoy hash is verified). */
export async function login(ctx: IdentityContext, input: { login: string; password: string; remember: boolean }): Promise<LoginResult> {
  // Under a flood, refuse before touching the database: the hash queue is the scarce resource.
  assertHashCapacity();
  const keys = counters(ctx, input.login);
  const throttled = await peekAll(ctx.db, keys, ctx.now);
  if (!throttled.allowed) throw new TooManyAttemptsError(throttled.retryAfterSeconds);
  const user = await findUserByLogin(ctx.db, input.login);
  const matches = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), input.password);

  if (!user || !matches) {
    await ctx.db.transaction().execute(async (trx) => {
      for (const [key, limit] of keys) {
        const state = await hit(trx, key, limit, ctx.now);
        // The failure that fills a window is the one that locks the login.
        if (state.hits === limit.max && user && key.startsWith('login:account')) {
          await recordAudit(trx, ctx.now, { event: 'login.locked', subjectId: user.id, origin: ctx.origin, details: { retryAfter: state.retryAfterSeconds } });
        }
      }
      await recordAudit(trx, ctx.now, { event: 'login.failed', subjectId: user?.id ?? null, origin: ctx.origin, details: user ? {} : { login: loginKey(input.login) } });
    });
    throw new InvalidCredentialsError();
  }
  if (user.status === 'blocked') throw new AccountBlockedError();

  const upgradedHash = needsRehash(user.password_hash) ? await hashPassword(input.password) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    await reset(trx, keys[0]![0]);
    if (upgradedHash) await setPasswordHash(trx, user.id, upgradedHash, ctx.now, { changed: false });
    const secondFactorRequired = user.totp_enabled_at !== null;
    const session = await createSession(trx, ctx.now, {
      userId: user.id,
      kind: user.kind,
      state: secondFactorRequired ? 'awaiting_second_factor' : 'active',
      remember: input.remember,
      origin: ctx.origin,
    });
    await recordAudit(trx, ctx.now, {
      event: secondFactorRequired ? 'login.password_accepted' : 'login.succeeded',
      actorId: user.id,
      subjectId: user.id,
      origin: ctx.origin,
      details: upgradedHash ? { passwordHashUpgraded: true } : {},
    });
    return { session, secondFactorRequired };
  });
}

/**
 * The second step: a TOTP code or a backup code. Success replaces the half-signed-in session with
 * a new one (new token); five wrong codes end it.
 */
export async function completeSecondFactor(ctx: IdentityContext, pending: Authenticated, code: string): Promise<LoginResult> {
  if (pending.session.state !== 'awaiting_second_factor') throw new UnauthenticatedError();
  const user = await findUserById(ctx.db, pending.user.id);
  if (!user?.totp_secret) throw new UnauthenticatedError();
  const key = `second-factor:${pending.session.id}`;
  const step = await verifyTotp(user.totp_secret, code.trim(), ctx.now, user.totp_last_step);

  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const accepted = step !== undefined ? await consumeTotpStep(trx, user.id, step) : await consumeBackupCode(trx, user.id, code, ctx.now);
    if (!accepted) {
      const state = await hit(trx, key, SECOND_FACTOR, ctx.now);
      await recordAudit(trx, ctx.now, { event: 'login.second_factor_failed', subjectId: user.id, origin: ctx.origin });
      if (!state.allowed) await endSession(trx, pending.session.id, 'second_factor_failed', ctx.now);
      return { error: state.allowed ? new InvalidCodeError(SECOND_FACTOR.max - state.hits) : new UnauthenticatedError() } as const;
    }
    await endSession(trx, pending.session.id, 'second_factor_passed', ctx.now);
    const session = await createSession(trx, ctx.now, { userId: user.id, kind: user.kind, state: 'active', remember: pending.session.remember, origin: ctx.origin });
    await recordAudit(trx, ctx.now, {
      event: 'login.succeeded',
      actorId: user.id,
      subjectId: user.id,
      origin: ctx.origin,
      details: { secondFactor: step !== undefined ? 'totp' : 'backup_code' },
    });
    return { result: { session, secondFactorRequired: false } } as const;
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}

export async function logout(ctx: IdentityContext, current: Authenticated): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await endSession(trx, current.session.id, 'logout', ctx.now);
    await recordAudit(trx, ctx.now, { event: 'session.ended', actorId: current.user.id, subjectId: current.user.id, origin: ctx.origin, details: { reason: 'logout' } });
  });
}
