import { recordAudit } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { deliverNotice, type IdentityContext } from './context.ts';
import { listLiveSessions, endUserSessions, type SessionListItem } from './sessions.ts';
import { clearTwoFactor, selectCustomer, selectCustomers, updateUserStatus, type CustomerSummary } from './staff-store.ts';

/** At most this many customers per page. */
const CUSTOMER_PAGE_MAX = 50;

export interface CustomerPage {
  items: CustomerSummary[];
  nextCursor: string | null;
}

export async function findCustomers(ctx: IdentityContext, options: { query?: string; cursor?: string; limit: number }): Promise<CustomerPage> {
  const limit = Math.min(Math.max(options.limit, 1), CUSTOMER_PAGE_MAX);
  const rows = await selectCustomers(ctx.db, { query: options.query, before: options.cursor, limit: limit + 1 });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

export async function getCustomer(ctx: IdentityContext, id: string): Promise<CustomerSummary & { sessions: SessionListItem[] }> {
  const customer = await selectCustomer(ctx.db, id);
  if (!customer) throw new NotFoundError();
  const { locale: _locale, ...summary } = customer;
  return { ...summary, sessions: await listLiveSessions(ctx.db, id, ctx.now) };
}

/**
 * Blocks a customer: every session ends in the same transaction (the next request is signed out),
 * sign-in answers `account_blocked`, and the person is told why. Blocking twice changes nothing.
 */
export async function blockCustomer(ctx: IdentityContext, actorId: string, id: string, reason: string): Promise<CustomerSummary> {
  const why = reason.trim();
  return ctx.db.transaction().execute(async (trx) => {
    const customer = await selectCustomer(trx, id, { forUpdate: true });
    if (!customer) throw new NotFoundError();
    const { locale, ...summary } = customer;
    if (summary.status === 'blocked') return summary;
    await updateUserStatus(trx, id, { status: 'blocked', reason: why }, ctx.now);
    const sessionsEnded = await endUserSessions(trx, id, 'blocked', ctx.now);
    await deliverNotice({ ...ctx, db: trx, locale }, summary.email, 'account_blocked', why);
    await recordAudit(trx, ctx.now, { event: 'user.blocked', actorId, subjectId: id, origin: ctx.origin, details: { reason: why, sessionsEnded } });
    return { ...summary, status: 'blocked', blockedReason: why };
  });
}

export async function unblockCustomer(ctx: IdentityContext, actorId: string, id: string): Promise<CustomerSummary> {
  return ctx.db.transaction().execute(async (trx) => {
    const customer = await selectCustomer(trx, id, { forUpdate: true });
    if (!customer) throw new NotFoundError();
    const { locale: _locale, ...summary } = customer;
    if (summary.status === 'active') return summary;
    await updateUserStatus(trx, id, { status: 'active', reason: null }, ctx.now);
    await recordAudit(trx, ctx.now, { event: 'user.unblocked', actorId, subjectId: id, origin: ctx.origin });
    return { ...summary, status: 'active', blockedReason: null };
  });
}

/**
 * Turns a customer's two-factor off after the person proved who they are to staff (a lost phone, or
 * an attacker who enrolled their own app before a hacked report): TOTP and backup codes go, every
 * session ends, the person is told, and the reason is audited.
 */
export async function resetCustomerTwoFactor(ctx: IdentityContext, actorId: string, id: string, reason: string): Promise<CustomerSummary> {
  const why = reason.trim();
  return ctx.db.transaction().execute(async (trx) => {
    const customer = await selectCustomer(trx, id, { forUpdate: true });
    if (!customer) throw new NotFoundError();
    const { locale, ...summary } = customer;
    await clearTwoFactor(trx, id, ctx.now);
    const sessionsEnded = await endUserSessions(trx, id, 'two_factor_reset', ctx.now);
    await deliverNotice({ ...ctx, db: trx, locale }, summary.email, 'two_factor_disabled');
    await recordAudit(trx, ctx.now, { event: 'user.two_factor_reset', actorId, subjectId: id, origin: ctx.origin, details: { reason: why, sessionsEnded } });
    return { ...summary, twoFactorEnabled: false };
  });
}
