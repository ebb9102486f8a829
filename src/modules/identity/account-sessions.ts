import { findAuditBySubject, recordAudit } from '../../platform/audit/audit.ts';
import { endOwnSession } from './account-store.ts';
import type { IdentityContext } from './context.ts';
import { SessionNotFoundError } from './errors.ts';
import { endUserSessions, listLiveSessions, type Authenticated, type SessionListItem } from './sessions.ts';

export interface SessionView extends SessionListItem {
  current: boolean;
}

export async function listSessions(ctx: IdentityContext, auth: Authenticated): Promise<SessionView[]> {
  const sessions = await listLiveSessions(ctx.db, auth.user.id, ctx.now);
  return sessions.map((session) => ({ ...session, current: session.id === auth.session.id }));
}

/** Ends one of the caller's sessions; someone else's id is "not found". Says whether it was this one. */
export async function endSessionById(ctx: IdentityContext, auth: Authenticated, sessionId: string): Promise<{ current: boolean }> {
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    if (!(await endOwnSession(trx, auth.user.id, sessionId, 'ended_by_user', ctx.now))) return false;
    await recordAudit(trx, ctx.now, { event: 'session.ended', actorId: auth.user.id, subjectId: auth.user.id, origin: ctx.origin, details: { reason: 'ended_by_user', sessionId } });
    return true;
  });
  if (!outcome) throw new SessionNotFoundError();
  return { current: sessionId === auth.session.id };
}

export async function endOtherSessions(ctx: IdentityContext, auth: Authenticated): Promise<{ ended: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const ended = await endUserSessions(trx, auth.user.id, 'ended_by_user', ctx.now, auth.session.id);
    await recordAudit(trx, ctx.now, { event: 'session.others_ended', actorId: auth.user.id, subjectId: auth.user.id, origin: ctx.origin, details: { ended } });
    return { ended };
  });
}

export interface ActivityItem {
  event: string;
  at: Date;
  ip: string | null;
  userAgent: string | null;
}

export interface ActivityPage {
  items: ActivityItem[];
  /** Pass as `cursor` for the next (older) page; null on the last one. */
  nextCursor: string | null;
}

/** The person's security events, newest first. Details stay out: they may hold what others typed. */
export async function findActivity(ctx: IdentityContext, auth: Authenticated, page: { cursor?: string | undefined; limit: number }): Promise<ActivityPage> {
  const rows = await findAuditBySubject(ctx.db, auth.user.id, { limit: page.limit + 1, ...(page.cursor ? { before: page.cursor } : {}) });
  const items = rows.slice(0, page.limit);
  return {
    items: items.map((row) => ({ event: row.event, at: row.at, ip: row.ip, userAgent: row.userAgent })),
    nextCursor: rows.length > page.limit ? items[items.length - 1]!.id : null,
  };
}
