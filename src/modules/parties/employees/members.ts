import { recordAudit } from '../../../platform/audit/audit.ts';
import { findPeople, getPerson } from '../../identity/index.ts';
import { PermissionDeniedError } from '../errors.ts';
import type { Membership } from '../memberships.ts';
import { roleAllows, type CompanyRole, type Permission } from '../roles.ts';
import { links, notify, withDb, type EmployeesContext } from './context.ts';
import { HeadProtectedError, HeadTransferTargetError, MemberNotFoundError } from './errors.ts';
import { lockMembers, selectCompany, selectMembers, updateMember, type MemberRow } from './store.ts';

/** The roles the head hands out; headship itself moves only by a transfer. */
export type AssignableRole = Exclude<CompanyRole, 'head'>;

/** The «Список» tab: the company's members with their role and status, the head first. */
export async function listMembers(ctx: EmployeesContext, customerId: string) {
  const members = await selectMembers(ctx.db, customerId);
  const people = await findPeople(ctx.db, members.map((member) => member.userId));
  return {
    items: members.map((member) => ({
      userId: member.userId,
      name: people.get(member.userId)?.name ?? '',
      email: people.get(member.userId)?.email ?? '',
      role: member.role,
      status: member.status as 'active' | 'blocked',
      blockedReason: member.status === 'blocked' ? member.statusReason : null,
      since: member.createdAt,
    })),
  };
}

interface Locked {
  ctx: EmployeesContext;
  actor: MemberRow;
  target: MemberRow;
  companyName: string;
}

/**
 * Runs a change to another member in one transaction: both rows locked (in a fixed order), the actor
 * re-checked as they are now (a headship handed over a moment ago no longer counts), the target a
 * current member of this company. The head is never the target: a company always keeps its head.
 */
async function withMember<T>(
  ctx: EmployeesContext,
  actorMembership: Membership,
  userId: string,
  permission: Permission,
  action: 'role' | 'block' | 'remove',
  change: (locked: Locked) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await lockMembers(trx, actorMembership.customerId, [actorMembership.userId, userId]);
    const actor = rows.get(actorMembership.userId);
    if (!actor || actor.status !== 'active' || !roleAllows(actor.role, permission)) throw new PermissionDeniedError(permission);
    const target = rows.get(userId);
    if (!target || (target.status !== 'active' && target.status !== 'blocked')) throw new MemberNotFoundError();
    if (target.role === 'head' || target.userId === actor.userId) throw new HeadProtectedError(action);
    const company = await selectCompany(trx, actorMembership.customerId);
    return change({ ctx: withDb(ctx, trx), actor, target, companyName: company!.name });
  });
}

function memberAudit(ctx: EmployeesContext, actor: MemberRow, target: MemberRow, event: string, details: Record<string, unknown> = {}) {
  return recordAudit(ctx.db, ctx.now, { event, actorId: actor.userId, subjectId: target.customerId, origin: ctx.origin, details: { memberId: target.userId, ...details } });
}

export async function changeMemberRole(ctx: EmployeesContext, actor: Membership, userId: string, role: AssignableRole): Promise<void> {
  await withMember(ctx, actor, userId, 'manage_members', 'role', async ({ ctx: tx, actor: me, target, companyName }) => {
    if (target.role === role) return;
    await updateMember(tx.db, target.customerId, target.userId, { role }, tx.now);
    await notify(tx, [await getPerson(tx.db, target.userId)], { kind: 'role_changed', company: companyName, role });
    await memberAudit(tx, me, target, 'member.role_changed', { from: target.role, to: role });
  });
}

/** Blocks a member's access to the company (they keep their account); blocking twice changes nothing. */
export async function blockMember(ctx: EmployeesContext, actor: Membership, userId: string, reason: string): Promise<void> {
  const why = reason.trim();
  await withMember(ctx, actor, userId, 'manage_members', 'block', async ({ ctx: tx, actor: me, target, companyName }) => {
    if (target.status === 'blocked') return;
    await updateMember(tx.db, target.customerId, target.userId, { status: 'blocked', statusReason: why }, tx.now);
    await notify(tx, [await getPerson(tx.db, target.userId)], { kind: 'blocked', company: companyName, reason: why });
    await memberAudit(tx, me, target, 'member.blocked', { reason: why });
  });
}

export async function unblockMember(ctx: EmployeesContext, actor: Membership, userId: string): Promise<void> {
  await withMember(ctx, actor, userId, 'manage_members', 'block', async ({ ctx: tx, actor: me, target, companyName }) => {
    if (target.status === 'active') return;
    await updateMember(tx.db, target.customerId, target.userId, { status: 'active', statusReason: null }, tx.now);
    await notify(tx, [await getPerson(tx.db, target.userId)], { kind: 'unblocked', company: companyName });
    await memberAudit(tx, me, target, 'member.unblocked');
  });
}

/** The member leaves the company; the row stays (ended) as the history of their join requests. */
export async function removeMember(ctx: EmployeesContext, actor: Membership, userId: string): Promise<void> {
  await withMember(ctx, actor, userId, 'manage_members', 'remove', async ({ ctx: tx, actor: me, target, companyName }) => {
    await updateMember(tx.db, target.customerId, target.userId, { status: 'ended', statusReason: null }, tx.now);
    await notify(tx, [await getPerson(tx.db, target.userId)], { kind: 'removed', company: companyName });
    await memberAudit(tx, me, target, 'member.removed', { role: target.role });
  });
}

/** Hands headship to an active member; the former head stays on as an administrator. */
export async function transferHeadship(ctx: EmployeesContext, actorMembership: Membership, userId: string): Promise<void> {
  if (userId === actorMembership.userId) throw new HeadTransferTargetError('self');
  await ctx.db.transaction().execute(async (trx) => {
    const tx = withDb(ctx, trx);
    const rows = await lockMembers(trx, actorMembership.customerId, [actorMembership.userId, userId]);
    const actor = rows.get(actorMembership.userId);
    if (!actor || actor.status !== 'active' || actor.role !== 'head') throw new PermissionDeniedError('manage_members');
    const target = rows.get(userId);
    if (!target || target.status !== 'active') throw new HeadTransferTargetError('not_active');
    // The old head steps down first: the one-head index never sees two.
    await updateMember(trx, actor.customerId, actor.userId, { role: 'administrator' }, ctx.now);
    await updateMember(trx, target.customerId, target.userId, { role: 'head' }, ctx.now);
    const company = await selectCompany(trx, actor.customerId);
    await notify(tx, [await getPerson(trx, target.userId)], { kind: 'head_assigned', company: company!.name, link: links.members(ctx, actor.customerId) });
    await memberAudit(tx, actor, target, 'member.head_transferred', { from: actor.userId, to: target.userId, previousRole: target.role });
  });
}
