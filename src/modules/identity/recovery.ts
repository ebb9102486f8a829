import { recordAudit } from '../../platform/audit/audit.ts';
import { deliverCode, deliverNotice, withDb, type IdentityContext } from './context.ts';
import { assertCodeSendAllowed, assertUsable, checkCode, completeFlow, lockFlow, replaceCode, startFlow, supersedeFlows, wrongCode } from './flows.ts';
import { checkPasswordPolicy, hashPassword } from './password.ts';
import { endUserSessions } from './sessions.ts';
import { findUserById, findUserByLogin, normalizeEmail, normalizePhone, setPasswordHash } from './users.ts';

/**
 * Starts password recovery by an email address or a confirmed phone number. The answer is the same
 * whether anyone has that login: an unknown login gets a flow that no code can complete.
 */
export async function startRecovery(ctx: IdentityContext, login: string): Promise<{ flowId: string; channel: 'email' | 'sms' }> {
  const channel = login.includes('@') ? 'email' : 'sms';
  const address = channel === 'email' ? normalizeEmail(login) : (normalizePhone(login) ?? login.trim());
  await assertCodeSendAllowed(ctx.db, ctx.now, address, ctx.origin);
  return ctx.db.transaction().execute(async (trx) => {
    const user = await findUserByLogin(trx, login);
    const usable = user && user.status === 'active' ? user : undefined;
    const flow = await startFlow(trx, ctx.now, { kind: 'recovery', userId: usable?.id ?? null, channel, address });
    await supersedeFlows(trx, 'recovery', address, flow.id);
    if (usable) {
      await deliverCode(withDb(ctx, trx), channel, address, 'recovery', flow.code);
      await recordAudit(trx, ctx.now, { event: 'recovery.code_sent', subjectId: usable.id, origin: ctx.origin, details: { channel } });
    }
    return { flowId: flow.id, channel };
  });
}

export async function resendRecoveryCode(ctx: IdentityContext, flowId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const flow = await lockFlow(trx, flowId, 'recovery');
    assertUsable(flow, ctx.now);
    const code = await replaceCode(trx, flow, ctx.now);
    if (flow.user_id) await deliverCode(withDb(ctx, trx), flow.channel, flow.address, 'recovery', code);
  });
}

/**
 * Sets a new password with the code. It signs nobody in, ends every session, and leaves two-factor
 * as it was: the next sign-in still asks for the second factor.
 */
export async function completeRecovery(ctx: IdentityContext, flowId: string, input: { code: string; password: string }): Promise<void> {
  checkPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const flow = await lockFlow(trx, flowId, 'recovery');
    assertUsable(flow, ctx.now);
    const matches = await checkCode(trx, flow, input.code);
    const user = matches && flow.user_id ? await findUserById(trx, flow.user_id) : undefined;
    if (!user || user.status !== 'active') return { error: wrongCode(flow) } as const;
    await setPasswordHash(trx, user.id, passwordHash, ctx.now, { changed: true });
    const ended = await endUserSessions(trx, user.id, 'password_recovered', ctx.now);
    await completeFlow(trx, flow.id, ctx.now);
    await recordAudit(trx, ctx.now, { event: 'password.recovered', actorId: user.id, subjectId: user.id, origin: ctx.origin, details: { sessionsEnded: ended, channel: flow.channel } });
    await deliverNotice(withDb(ctx, trx), user.email, 'password_changed');
    return { ok: true } as const;
  });
  if ('error' in outcome) throw outcome.error;
}
