import { recordAudit } from '../../platform/audit/audit.ts';
import { deliverNotice, withDb, type IdentityContext } from './context.ts';
import { assertUsable, checkCode, completeFlow, lockFlow, wrongCode } from './flows.ts';
import { checkPasswordPolicy, hashPassword } from './password.ts';
import { endUserSessions } from './sessions.ts';
import { findUserById, setPasswordHash, type UserRow } from './users.ts';

export interface PasswordByCodeRules {
  kind: 'recovery' | 'staff_invitation';
  /** Who may finish this flow; anyone else gets the same answer as a wrong code. */
  accepts: (user: UserRow) => boolean;
  event: string;
  endReason: string;
  /** Tell the person by email that their password changed. */
  notify: boolean;
}

/**
 * Sets a password with a flow's one-time code (recovery, staff invitation). It signs nobody in and
 * ends every session; a wrong code's attempt commits before the error is thrown.
 */
export async function setPasswordByCode(ctx: IdentityContext, flowId: string, input: { code: string; password: string }, rules: PasswordByCodeRules): Promise<void> {
  checkPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const flow = await lockFlow(trx, flowId, rules.kind);
    assertUsable(flow, ctx.now);
    const matches = await checkCode(trx, flow, input.code.trim());
    const user = matches && flow.user_id ? await findUserById(trx, flow.user_id) : undefined;
    if (!user || !rules.accepts(user)) return { error: wrongCode(flow) } as const;
    await setPasswordHash(trx, user.id, passwordHash, ctx.now, { changed: true });
    const sessionsEnded = await endUserSessions(trx, user.id, rules.endReason, ctx.now);
    await completeFlow(trx, flow.id, ctx.now);
    await recordAudit(trx, ctx.now, { event: rules.event, actorId: user.id, subjectId: user.id, origin: ctx.origin, details: { sessionsEnded, channel: flow.channel } });
    if (rules.notify) await deliverNotice(withDb(ctx, trx), user.email, 'password_changed');
    return { ok: true } as const;
  });
  if ('error' in outcome) throw outcome.error;
}
