import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { queueMail } from '../../platform/mail/mail.ts';
import { getProviderName } from '../settings/index.ts';
import { withDb, type IdentityContext } from './context.ts';
import { CannotBlockSelfError, EmailTakenError, LastAdministratorError } from './errors.ts';
import { startFlow, supersedeFlows } from './flows.ts';
import { setPasswordByCode } from './password-by-code.ts';
import { staffInvitationMail } from './messages.ts';
import { checkPasswordPolicy, hashPassword } from './password.ts';
import { endUserSessions } from './sessions.ts';
import { lockActiveAdministrators, selectStaff, selectStaffMember, setFlowExpiry, updateStaffRole, updateUserStatus, type StaffMember } from './staff-store.ts';
import type { StaffRole } from './tables.ts';
import { findUserByEmail, insertUser, normalizeEmail } from './users.ts';

const INVITATION_TTL_SECONDS = 24 * 3600;

export interface NewStaff {
  email: string;
  name: string;
  role: StaffRole;
}

export interface StaffInvitation {
  flowId: string;
  setupUrl: string;
  mailId: string;
}

/** The page where an invited person enters the emailed code and chooses a password. */
function staffSetupUrl(publicUrl: URL, flowId: string): string {
  return `${publicUrl.href.replace(/\/+$/, '')}/staff/setup?flow=${flowId}`;
}

function isEmailConflict(error: unknown): boolean {
  const { code, constraint, message } = error as { code?: string; constraint?: string; message?: string };
  return code === '23505' && (constraint === 'identity_user_email_key' || Boolean(message?.includes('identity_user_email_key')));
}

/**
 * Creates a staff member and invites them by email. Nobody sets a password for somebody else: the
 * account gets one nobody knows until the person chooses theirs with the emailed code. `actorId` is
 * null when the console creates the first administrator.
 */
export async function createStaff(ctx: IdentityContext, actorId: string | null, input: NewStaff, publicUrl: URL): Promise<{ member: StaffMember; invitation: StaffInvitation }> {
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  return insertStaff(ctx, actorId, input, passwordHash, async (trx, id) => inviteStaff(trx, actorId, { id, email: input.email }, publicUrl));
}

/** The trusted console only (`--password-stdin`, for automation): the operator chose the password. */
export async function createStaffWithPassword(ctx: IdentityContext, input: NewStaff & { password: string }): Promise<StaffMember> {
  checkPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  return (await insertStaff(ctx, null, input, passwordHash, async () => null)).member;
}

async function insertStaff<T>(
  ctx: IdentityContext,
  actorId: string | null,
  input: NewStaff,
  passwordHash: string,
  then: (trx: IdentityContext, id: string) => Promise<T>,
): Promise<{ member: StaffMember; invitation: T }> {
  const id = uuidv7();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (await findUserByEmail(trx, input.email)) throw new EmailTakenError();
      await insertUser(trx, { id, kind: 'staff', staffRole: input.role, name: input.name.trim(), email: input.email, phone: null, passwordHash, locale: ctx.locale, now: ctx.now });
      await recordAudit(trx, ctx.now, { event: 'staff.created', actorId, subjectId: id, origin: ctx.origin, details: { role: input.role, via: actorId ? 'backoffice' : 'console' } });
      const invitation = await then(withDb(ctx, trx), id);
      const member = await selectStaffMember(trx, id);
      if (!member) throw new Error(`staff member ${id} vanished in its own transaction`);
      return { member, invitation };
    });
  } catch (error) {
    if (isEmailConflict(error)) throw new EmailTakenError();
    throw error;
  }
}

async function inviteStaff(ctx: IdentityContext, actorId: string | null, user: { id: string; email: string }, publicUrl: URL): Promise<StaffInvitation> {
  const address = normalizeEmail(user.email);
  const flow = await startFlow(ctx.db, ctx.now, { kind: 'staff_invitation', userId: user.id, channel: 'email', address });
  await setFlowExpiry(ctx.db, flow.id, new Date(ctx.now.getTime() + INVITATION_TTL_SECONDS * 1000));
  await supersedeFlows(ctx.db, 'staff_invitation', address, flow.id);
  const setupUrl = staffSetupUrl(publicUrl, flow.id);
  const provider = await getProviderName(ctx.db);
  const mailId = await queueMail(ctx.db, ctx.jobs, { to: address, ...staffInvitationMail(flow.code, setupUrl, ctx.locale, provider) });
  await recordAudit(ctx.db, ctx.now, { event: 'staff.invitation_sent', actorId, subjectId: user.id, origin: ctx.origin, details: { flowId: flow.id } });
  return { flowId: flow.id, setupUrl, mailId };
}

/**
 * The invited person proves the mailbox with the code and chooses a password. Like recovery it
 * signs nobody in: the next step is a normal sign-in, then enrolling TOTP.
 */
export async function completeStaffInvitation(ctx: IdentityContext, flowId: string, input: { code: string; password: string }): Promise<void> {
  await setPasswordByCode(ctx, flowId, input, {
    kind: 'staff_invitation',
    accepts: (user) => user.kind === 'staff' && user.status === 'active',
    event: 'staff.invitation_accepted',
    endReason: 'invitation_accepted',
    notify: false,
  });
}

export async function listStaff(ctx: IdentityContext): Promise<StaffMember[]> {
  return selectStaff(ctx.db);
}

function isLastAdministrator(activeAdministrators: string[], id: string): boolean {
  return activeAdministrators.length === 1 && activeAdministrators[0] === id;
}

export async function updateStaff(ctx: IdentityContext, actorId: string, id: string, changes: { role?: StaffRole }): Promise<StaffMember> {
  const { role } = changes;
  return ctx.db.transaction().execute(async (trx) => {
    const administrators = await lockActiveAdministrators(trx);
    const member = await selectStaffMember(trx, id, { forUpdate: true });
    if (!member) throw new NotFoundError();
    if (role === undefined || member.role === role) return member;
    if (role !== 'administrator' && isLastAdministrator(administrators, id)) throw new LastAdministratorError();
    await updateStaffRole(trx, id, role, ctx.now);
    await recordAudit(trx, ctx.now, { event: 'staff.role_changed', actorId, subjectId: id, origin: ctx.origin, details: { from: member.role, to: role } });
    return { ...member, role };
  });
}

/** Blocks a staff member and ends their sessions in the same transaction. Blocking twice changes nothing. */
export async function blockStaff(ctx: IdentityContext, actorId: string, id: string, reason: string): Promise<StaffMember> {
  if (id === actorId) throw new CannotBlockSelfError();
  return ctx.db.transaction().execute(async (trx) => {
    const administrators = await lockActiveAdministrators(trx);
    const member = await selectStaffMember(trx, id, { forUpdate: true });
    if (!member) throw new NotFoundError();
    if (member.status === 'blocked') return member;
    if (isLastAdministrator(administrators, id)) throw new LastAdministratorError();
    await updateUserStatus(trx, id, { status: 'blocked', reason: reason.trim() }, ctx.now);
    const sessionsEnded = await endUserSessions(trx, id, 'blocked', ctx.now);
    await recordAudit(trx, ctx.now, { event: 'staff.blocked', actorId, subjectId: id, origin: ctx.origin, details: { reason: reason.trim(), sessionsEnded } });
    return { ...member, status: 'blocked', blockedReason: reason.trim() };
  });
}

export async function unblockStaff(ctx: IdentityContext, actorId: string, id: string): Promise<StaffMember> {
  return ctx.db.transaction().execute(async (trx) => {
    const member = await selectStaffMember(trx, id, { forUpdate: true });
    if (!member) throw new NotFoundError();
    if (member.status === 'active') return member;
    await updateUserStatus(trx, id, { status: 'active', reason: null }, ctx.now);
    await recordAudit(trx, ctx.now, { event: 'staff.unblocked', actorId, subjectId: id, origin: ctx.origin });
    return { ...member, status: 'active', blockedReason: null };
  });
}
