import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { hit, type Limit } from '../../platform/throttle/throttle.ts';
import { failPendingUserFlows, updateUser } from './account-store.ts';
import { requireFreshLogin } from './auth.ts';
import { deliverCode, deliverNotice, withDb, type IdentityContext } from './context.ts';
import { ContactUnchangedError, FlowExpiredError, FlowNotFoundError, InvalidPhoneError, TooManyAttemptsError, UnauthenticatedError } from './errors.ts';
import { assertUsable, checkCode, completeFlow, lockFlow, replaceCode, startFlow, wrongCode, type Flow } from './flows.ts';
import type { Authenticated } from './sessions.ts';
import { findUserByEmail, findUserById, findUserByPhone, normalizeEmail, normalizePhone } from './users.ts';

/**
 * Changing the email or phone: a code goes to the NEW address and proves it; the account changes
 * only then, and the owner hears about it at the email on file. Only the newest flow of a kind works.
 */

/** Codes a user may have sent to new addresses per day: mail and SMS cost money and annoy. */
const CONTACT_LIMIT: Limit = { max: 10, windowSeconds: 24 * 3600 };

interface EmailChangePayload {
  email: string;
  /** The address belongs to someone else: no code was sent, its owner was told instead. */
  taken: boolean;
}

async function countContactCode(ctx: IdentityContext, userId: string): Promise<void> {
  const state = await hit(ctx.db, `contact:user:${userId}`, CONTACT_LIMIT, ctx.now);
  if (!state.allowed) throw new TooManyAttemptsError(state.retryAfterSeconds);
}

/** Someone else's flow is "not found", and is left untouched. */
async function lockOwnFlow(db: Db, auth: Authenticated, flowId: string, kind: 'email_change' | 'phone_verification'): Promise<Flow> {
  const flow = await lockFlow(db, flowId, kind);
  if (flow.user_id !== auth.user.id) throw new FlowNotFoundError();
  return flow;
}

async function currentUser(db: Db, auth: Authenticated) {
  const user = await findUserById(db, auth.user.id);
  if (!user) throw new UnauthenticatedError();
  return user;
}

/** A taken address gets the same answer as a free one; its owner gets a notice instead of a code. */
export async function startEmailChange(ctx: IdentityContext, auth: Authenticated, email: string): Promise<{ flowId: string }> {
  requireFreshLogin(auth, ctx.now);
  const address = normalizeEmail(email);
  if (address === normalizeEmail(auth.user.email)) throw new ContactUnchangedError('email');
  await countContactCode(ctx, auth.user.id);
  return ctx.db.transaction().execute(async (trx) => {
    const tx = withDb(ctx, trx);
    const owner = await findUserByEmail(trx, address);
    const payload: EmailChangePayload = { email: email.trim(), taken: owner !== undefined };
    const flow = await startFlow(trx, ctx.now, { kind: 'email_change', userId: auth.user.id, channel: 'email', address, payload: { ...payload } });
    await failPendingUserFlows(trx, auth.user.id, ['email_change'], flow.id);
    if (owner) await deliverNotice(tx, owner.email, 'email_change_attempt');
    else await deliverCode(tx, 'email', address, 'email_change', flow.code);
    await recordAudit(trx, ctx.now, { event: 'email.change_requested', actorId: auth.user.id, subjectId: auth.user.id, origin: ctx.origin, details: { to: address, taken: payload.taken } });
    return { flowId: flow.id };
  });
}

export async function resendEmailChangeCode(ctx: IdentityContext, auth: Authenticated, flowId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const flow = await lockOwnFlow(trx, auth, flowId, 'email_change');
    assertUsable(flow, ctx.now);
    const code = await replaceCode(trx, flow, ctx.now);
    if (!(flow.payload as unknown as EmailChangePayload).taken) await deliverCode(withDb(ctx, trx), 'email', flow.address, 'email_change', code);
  });
}

export async function confirmEmailChange(ctx: IdentityContext, auth: Authenticated, flowId: string, code: string): Promise<void> {
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const flow = await lockOwnFlow(trx, auth, flowId, 'email_change');
    assertUsable(flow, ctx.now);
    if (!(await checkCode(trx, flow, code))) return { error: wrongCode(flow) } as const;
    const payload = flow.payload as unknown as EmailChangePayload;
    // Someone may have registered or moved to the address since the code was sent.
    if (payload.taken || (await findUserByEmail(trx, flow.address))) {
      await failPendingUserFlows(trx, auth.user.id, ['email_change']);
      return { error: new FlowExpiredError() } as const;
    }
    const user = await currentUser(trx, auth);
    await updateUser(trx, user.id, ctx.now, { email: payload.email, email_normalized: flow.address });
    await completeFlow(trx, flow.id, ctx.now);
    await recordAudit(trx, ctx.now, { event: 'email.changed', actorId: user.id, subjectId: user.id, origin: ctx.origin, details: { from: user.email, to: payload.email } });
    await deliverNotice(withDb(ctx, trx), user.email, 'email_changed', payload.email);
    return { ok: true } as const;
  });
  if ('error' in outcome) throw outcome.error;
}

export async function startPhoneChange(ctx: IdentityContext, auth: Authenticated, rawPhone: string): Promise<{ flowId: string }> {
  requireFreshLogin(auth, ctx.now);
  const phone = normalizePhone(rawPhone);
  if (!phone) throw new InvalidPhoneError();
  if (phone === auth.user.phone) throw new ContactUnchangedError('phone');
  await countContactCode(ctx, auth.user.id);
  return ctx.db.transaction().execute(async (trx) => {
    const flow = await startFlow(trx, ctx.now, { kind: 'phone_verification', userId: auth.user.id, channel: 'sms', address: phone });
    await failPendingUserFlows(trx, auth.user.id, ['phone_verification'], flow.id);
    await deliverCode(withDb(ctx, trx), 'sms', phone, 'phone_verification', flow.code);
    await recordAudit(trx, ctx.now, { event: 'phone.change_requested', actorId: auth.user.id, subjectId: auth.user.id, origin: ctx.origin, details: { to: phone } });
    return { flowId: flow.id };
  });
}

export async function resendPhoneCode(ctx: IdentityContext, auth: Authenticated, flowId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const flow = await lockOwnFlow(trx, auth, flowId, 'phone_verification');
    assertUsable(flow, ctx.now);
    const code = await replaceCode(trx, flow, ctx.now);
    await deliverCode(withDb(ctx, trx), 'sms', flow.address, 'phone_verification', code);
  });
}

/** Completes a phone flow, whether started here or by registration. A number in use fails it. */
export async function confirmPhone(ctx: IdentityContext, auth: Authenticated, flowId: string, code: string): Promise<void> {
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const flow = await lockOwnFlow(trx, auth, flowId, 'phone_verification');
    assertUsable(flow, ctx.now);
    if (!(await checkCode(trx, flow, code))) return { error: wrongCode(flow) } as const;
    const holder = await findUserByPhone(trx, flow.address);
    if (holder && holder.id !== auth.user.id) {
      await failPendingUserFlows(trx, auth.user.id, ['phone_verification']);
      return { error: new FlowExpiredError() } as const;
    }
    const user = await currentUser(trx, auth);
    await updateUser(trx, user.id, ctx.now, { phone: flow.address });
    await completeFlow(trx, flow.id, ctx.now);
    await recordAudit(trx, ctx.now, { event: 'phone.changed', actorId: user.id, subjectId: user.id, origin: ctx.origin, details: { from: user.phone, to: flow.address } });
    await deliverNotice(withDb(ctx, trx), user.email, 'phone_changed', flow.address);
    return { ok: true } as const;
  });
  if ('error' in outcome) throw outcome.error;
}

export async function removePhone(ctx: IdentityContext, auth: Authenticated): Promise<void> {
  requireFreshLogin(auth, ctx.now);
  await ctx.db.transaction().execute(async (trx) => {
    const user = await currentUser(trx, auth);
    if (user.phone === null) return;
    await updateUser(trx, user.id, ctx.now, { phone: null });
    await recordAudit(trx, ctx.now, { event: 'phone.removed', actorId: user.id, subjectId: user.id, origin: ctx.origin, details: { phone: user.phone } });
    await deliverNotice(withDb(ctx, trx), user.email, 'phone_removed');
  });
}
