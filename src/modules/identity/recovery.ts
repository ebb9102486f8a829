import { recordAudit } from '../../platform/audit/audit.ts';
import { deliverCode, withDb, type IdentityContext } from './context.ts';
import { assertCodeSendAllowed, assertUsable, lockFlow, replaceCode, startFlow, supersedeFlows } from './flows.ts';
import { setPasswordByCode } from './password-by-code.ts';
import { findUserByLogin, normalizeEmail, normalizePhone } from './users.ts';

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
  await setPasswordByCode(ctx, flowId, input, {
    kind: 'recovery',
    accepts: (user) => user.status === 'active',
    event: 'password.recovered',
    endReason: 'password_recovered',
    notify: true,
  });
}
