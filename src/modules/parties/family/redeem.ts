import { recordAudit } from '../../../platform/audit/audit.ts';
import type { AppError } from '../../../platform/http/errors.ts';
import { clientKey, hit, peekAll, type Limit } from '../../../platform/throttle/throttle.ts';
import { TooManyAttemptsError, type SessionUser } from '../../identity/index.ts';
import { findMembership } from '../memberships.ts';
import { notify, withDb, type FamilyContext } from './context.ts';
import { hashProfileCode, normalizeProfileCode } from './codes.ts';
import { isAdult } from './dates.ts';
import {
  CODE_ATTEMPTS_EXCEEDED,
  codeFormatError,
  CodeForAnotherProfileError,
  InvalidProfileCodeError,
  ProfileCodeUnusableError,
  ProfileHasOwnerError,
  ProfileNotAdultError,
} from './errors.ts';
import { assertCustomerUser, getFamilyProfile, type FamilyProfile } from './profiles.ts';
import {
  endLapsedGuardianships,
  findActiveSelf,
  lockCodeByHash,
  lockProfile,
  makeSelfMember,
  markCodeUsed,
  setProfileDecision,
  verifyMembership,
} from './store.ts';

/** Failed redemptions allowed per user and per client address (IPv6 by /64) in an hour. */
const PER_USER: Limit = { max: 10, windowSeconds: 3600 };
const PER_CLIENT: Limit = { max: 30, windowSeconds: 3600 };

export interface Redemption {
  purpose: 'verification' | 'takeover';
  profile: FamilyProfile;
}

type Outcome = { result: Redemption } | { error: AppError; counts: boolean };

/**
 * Redeems a code staff issued at the clinic. A verification code makes the user's waiting
 * membership and the profile active; a takeover code gives the grown-up person their own profile
 * ('self') and closes guardianships that ended at majority — representatives stay until the person
 * removes them. Everything, mail and audit included, in one transaction. Sent again by the same user
 * after success, the code gives the same answer and changes nothing.
 *
 * A failed attempt is counted against the user and the client address, and that count must commit
 * although the request fails: the error leaves the transaction as a value and is thrown after it.
 */
export async function redeemProfileCode(ctx: FamilyContext, user: SessionUser, rawCode: string): Promise<Redemption> {
  assertCustomerUser(user);
  const code = normalizeProfileCode(rawCode);
  if (!code) throw codeFormatError();
  const counters: Array<[string, Limit]> = [
    [`profile-code:user:${user.id}`, PER_USER],
    [`profile-code:client:${clientKey(ctx.origin.ip ?? 'unknown')}`, PER_CLIENT],
  ];
  const throttled = await peekAll(ctx.db, counters, ctx.now);
  if (!throttled.allowed) throw new TooManyAttemptsError(throttled.retryAfterSeconds, CODE_ATTEMPTS_EXCEEDED);

  const outcome = await ctx.db.transaction().execute(async (trx): Promise<Outcome> => {
    const tx = withDb(ctx, trx);
    const failed = async (error: AppError, details: Record<string, unknown>, counts = true): Promise<Outcome> => {
      if (counts) for (const [key, limit] of counters) await hit(trx, key, limit, ctx.now);
      await recordAudit(trx, ctx.now, { event: 'family.code_refused', actorId: user.id, subjectId: user.id, origin: ctx.origin, details });
      return { error, counts };
    };

    const row = await lockCodeByHash(trx, hashProfileCode(code));
    if (!row) return failed(new InvalidProfileCodeError(), { reason: 'unknown' });
    if (row.usedBy === user.id) {
      return { result: { purpose: row.purpose, profile: await getFamilyProfile(tx, user.id, row.customerId) } };
    }
    const refuse = (error: AppError, reason: string, counts = false) => failed(error, { reason, codeId: row.id, customerId: row.customerId }, counts);
    if (row.usedAt) return refuse(new ProfileCodeUnusableError('used'), 'used');
    if (row.voidedAt) return refuse(new ProfileCodeUnusableError('replaced'), 'replaced');
    if (row.expiresAt <= ctx.now) return refuse(new ProfileCodeUnusableError('expired'), 'expired');

    const profile = await lockProfile(trx, row.customerId);
    if (!profile) return refuse(new InvalidProfileCodeError(), 'profile_gone', true);

    if (row.purpose === 'verification') {
      const membership = await findMembership(trx, profile.id, user.id);
      if (!membership || membership.status !== 'pending' || membership.pendingStep !== 'verification' || profile.status !== 'pending') {
        return refuse(new CodeForAnotherProfileError(), 'not_awaiting', true);
      }
      await verifyMembership(trx, profile.id, user.id, ctx.now);
      await setProfileDecision(trx, profile.id, { status: 'active', reason: null, decidedBy: row.issuedBy, now: ctx.now });
      await markCodeUsed(trx, profile.id, row.id, user.id, ctx.now);
      await notify(tx, user, 'profile_verified', { name: profile.name });
      await recordAudit(trx, ctx.now, {
        event: 'family.profile_verified',
        actorId: user.id,
        subjectId: profile.id,
        origin: ctx.origin,
        details: { codeId: row.id, issuedBy: row.issuedBy, role: membership.role, relation: membership.relation },
      });
      return { result: { purpose: 'verification', profile: await getFamilyProfile(tx, user.id, profile.id) } };
    }

    if (profile.status !== 'active') return refuse(new ProfileCodeUnusableError('revoked'), 'profile_not_active');
    if (!profile.birthDate || !isAdult(profile.birthDate, ctx.today)) return refuse(new ProfileNotAdultError(), 'not_adult');
    const owner = await findActiveSelf(trx, profile.id);
    if (owner && owner.userId !== user.id) return refuse(new ProfileHasOwnerError(), 'has_owner');
    const previous = await findMembership(trx, profile.id, user.id);
    await makeSelfMember(trx, profile.id, user.id, ctx.now);
    const ended = await endLapsedGuardianships(trx, ctx.today, ctx.now, profile.id);
    await markCodeUsed(trx, profile.id, row.id, user.id, ctx.now);
    await notify(tx, user, 'profile_taken_over', { name: profile.name });
    await recordAudit(trx, ctx.now, {
      event: 'family.profile_taken_over',
      actorId: user.id,
      subjectId: profile.id,
      origin: ctx.origin,
      details: { codeId: row.id, issuedBy: row.issuedBy, previousRole: previous?.role ?? null, guardianshipsEnded: ended.map((item) => item.userId) },
    });
    return { result: { purpose: 'takeover', profile: await getFamilyProfile(tx, user.id, profile.id) } };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}
