import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { findPeople, getPerson, type Person } from '../../identity/index.ts';
import { TaxIdInvalidError } from '../companies/errors.ts';
import { innErrors } from '../companies/tax-ids.ts';
import { COMPANY_ROLES, roleAllows, type CompanyRole } from '../roles.ts';
import type { Decision } from '../tables.ts';
import { links, notify, withDb, type EmployeesContext } from './context.ts';
import { AlreadyMemberError, CompanyNotFoundError, JoinRequestDecidedError, JoinRequestNotFoundError, JoinRequestPendingError, KppRequiredError } from './errors.ts';
import {
  hasHead,
  insertJoinRequest,
  insertPendingMember,
  lockJoinRequest,
  lockMembers,
  selectActiveMembersWithRoles,
  selectCompany,
  selectJoinableCompanies,
  selectOpenJoinRequest,
  updateJoinRequest,
  updateMember,
  type CompanyRow,
  type JoinRequestRow,
} from './store.ts';

/** Company roles whose holders decide on join requests for the company. */
export const APPROVER_ROLES: readonly CompanyRole[] = COMPANY_ROLES.filter((role) => roleAllows(role, 'approve_members'));

export type Side = 'moderator' | 'company';

/**
 * The company an applicant means by INN (and KPP, for a branch): registered and not rejected.
 * Several branches under one INN need the KPP to tell them apart; an INN whose check digit is wrong
 * is refused as such.
 */
export async function findCompanyByTaxId(ctx: EmployeesContext, taxId: { inn: string; kpp?: string | undefined }): Promise<CompanyRow> {
  const inn = taxId.inn.trim();
  const kpp = taxId.kpp?.trim() || undefined;
  // A typo usually breaks the check digit: say so rather than «not registered».
  const errors = innErrors(inn);
  if (errors.length > 0) throw new TaxIdInvalidError(errors);
  const companies = await selectJoinableCompanies(ctx.db, inn, kpp);
  if (companies.length === 0) throw new CompanyNotFoundError();
  if (companies.length > 1) throw new KppRequiredError();
  return companies[0]!;
}

export interface FiledJoinRequest {
  id: string;
  customerId: string;
  companyName: string;
}

/**
 * Files a join request: the applicant becomes a member waiting at `join_approval` (role employee)
 * and the company's approvers are told. Call it inside the caller's transaction (`ctx.db`); the
 * companies slice calls it when someone registers a company whose INN is already taken.
 * Refuses a member of the company (`already_member`) and a second open request (`join_request_pending`).
 */
export async function fileJoinRequest(ctx: EmployeesContext, request: { customerId: string; userId: string }): Promise<FiledJoinRequest> {
  const { customerId, userId } = request;
  const company = await selectCompany(ctx.db, customerId);
  if (!company || company.kind === 'individual') throw new CompanyNotFoundError();
  // A concurrent filing by the same person waits on the membership row and then sees the first one.
  const fresh = await insertPendingMember(ctx.db, customerId, userId, ctx.now);
  if (!fresh) {
    const existing = (await lockMembers(ctx.db, customerId, [userId])).get(userId)!;
    if (existing.status === 'pending' && existing.pendingStep === 'join_approval') {
      const open = await selectOpenJoinRequest(ctx.db, customerId, userId);
      if (open) throw new JoinRequestPendingError(open.id);
    } else if (existing.status !== 'ended') {
      throw new AlreadyMemberError(existing.status);
    }
    await updateMember(ctx.db, customerId, userId, { role: 'employee', status: 'pending', pendingStep: 'join_approval', statusReason: null }, ctx.now);
  }
  const id = uuidv7();
  await insertJoinRequest(ctx.db, { id, customerId, userId, now: ctx.now });
  const applicant = await getPerson(ctx.db, userId);
  const approvers = await selectActiveMembersWithRoles(ctx.db, customerId, APPROVER_ROLES);
  const people = await findPeople(ctx.db, approvers.map((member) => member.userId));
  await notify(ctx, [...people.values()], {
    kind: 'request_filed',
    company: company.name,
    applicant: applicant.name,
    applicantEmail: applicant.email,
    link: links.companyRequests(ctx, customerId),
  });
  await recordAudit(ctx.db, ctx.now, {
    event: 'join_request.filed',
    actorId: userId,
    subjectId: customerId,
    origin: ctx.origin,
    details: { requestId: id, applicantId: userId, applicantEmail: applicant.email },
  });
  return { id, customerId, companyName: company.name };
}

/** The applicant changes their mind: the request is withdrawn and the waiting membership ends. */
export async function withdrawJoinRequest(ctx: EmployeesContext, userId: string, customerId: string, id: string): Promise<JoinRequestRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const request = await lockJoinRequest(trx, customerId, id);
    if (!request || request.userId !== userId) throw new JoinRequestNotFoundError();
    if (request.status === 'withdrawn') return request;
    if (request.status !== 'pending') throw new JoinRequestDecidedError(request.status);
    await updateJoinRequest(trx, customerId, id, { status: 'withdrawn' }, ctx.now);
    await endWaitingMembership(trx, customerId, userId, ctx.now);
    await recordAudit(trx, ctx.now, { event: 'join_request.withdrawn', actorId: userId, subjectId: customerId, origin: ctx.origin, details: { requestId: id, applicantId: userId } });
    return { ...request, status: 'withdrawn', updatedAt: ctx.now };
  });
}

async function endWaitingMembership(db: EmployeesContext['db'], customerId: string, userId: string, now: Date) {
  const member = (await lockMembers(db, customerId, [userId])).get(userId);
  if (member?.status === 'pending' && member.pendingStep === 'join_approval') {
    await updateMember(db, customerId, userId, { status: 'ended', pendingStep: null }, now);
  }
}

export interface DecisionInput {
  side: Side;
  actorId: string;
  customerId: string;
  id: string;
  decision: Decision;
  reason?: string | undefined;
}

export interface DecisionOutcome {
  request: JoinRequestRow;
  /** The membership opened with this decision (both approvals in, or the moderator's alone for a company without approvers). */
  activated: boolean;
}

/**
 * One side's decision on a join request, in one transaction with its mail and audit entry. The request
 * row is locked first, so two approvals at the same moment both count and the membership opens once.
 * Repeating one's own decision changes nothing; a decided request refuses the other decision.
 */
export async function decideJoinRequest(ctx: EmployeesContext, input: DecisionInput): Promise<DecisionOutcome> {
  return ctx.db.transaction().execute(async (trx) => {
    const tx = withDb(ctx, trx);
    const request = await lockJoinRequest(trx, input.customerId, input.id);
    if (!request) throw new JoinRequestNotFoundError();
    const own = input.side === 'moderator' ? request.moderatorDecision : request.companyDecision;
    if (request.status !== 'pending') {
      if (own === input.decision) return { request, activated: false };
      throw new JoinRequestDecidedError(request.status);
    }
    if (own === input.decision) return { request, activated: false };
    return input.decision === 'rejected' ? reject(tx, request, input) : approve(tx, request, input);
  });
}

function sideFields(input: DecisionInput, now: Date) {
  return input.side === 'moderator'
    ? { moderatorDecision: input.decision, moderatorId: input.actorId, moderatorDecidedAt: now }
    : { companyDecision: input.decision, companyDeciderId: input.actorId, companyDecidedAt: now };
}

async function reject(ctx: EmployeesContext, request: JoinRequestRow, input: DecisionInput): Promise<DecisionOutcome> {
  const reason = input.reason?.trim() ?? '';
  const change = { ...sideFields(input, ctx.now), status: 'rejected' as const, reason };
  await updateJoinRequest(ctx.db, request.customerId, request.id, change, ctx.now);
  await endWaitingMembership(ctx.db, request.customerId, request.userId, ctx.now);
  const [applicant, company] = await Promise.all([getPerson(ctx.db, request.userId), selectCompany(ctx.db, request.customerId)]);
  await notify(ctx, [applicant], { kind: 'rejected', company: company!.name, by: input.side, reason, link: links.myJoinRequests(ctx) });
  await recordAudit(ctx.db, ctx.now, {
    event: 'join_request.rejected',
    actorId: input.actorId,
    subjectId: request.customerId,
    origin: ctx.origin,
    details: { requestId: request.id, applicantId: request.userId, applicantEmail: applicant.email, by: input.side, reason },
  });
  return { request: { ...request, ...change, updatedAt: ctx.now }, activated: false };
}

async function approve(ctx: EmployeesContext, request: JoinRequestRow, input: DecisionInput): Promise<DecisionOutcome> {
  const change = sideFields(input, ctx.now);
  const other = input.side === 'moderator' ? request.companyDecision : request.moderatorDecision;
  // A company nobody in the cabinet can speak for (imported by the provider, its people not yet
  // registered) cannot approve; the moderator's check alone then suffices.
  const unattended = input.side === 'moderator' && other === null && (await selectActiveMembersWithRoles(ctx.db, request.customerId, APPROVER_ROLES)).length === 0;
  const [applicant, company] = await Promise.all([getPerson(ctx.db, request.userId), selectCompany(ctx.db, request.customerId)]);
  const audit = { actorId: input.actorId, subjectId: request.customerId, origin: ctx.origin };
  const details = { requestId: request.id, applicantId: request.userId, applicantEmail: applicant.email, by: input.side };

  if (other !== 'approved' && !unattended) {
    await updateJoinRequest(ctx.db, request.customerId, request.id, change, ctx.now);
    await notify(ctx, [applicant], { kind: input.side === 'moderator' ? 'moderator_approved' : 'company_approved', company: company!.name, link: links.myJoinRequests(ctx) });
    await recordAudit(ctx.db, ctx.now, { ...audit, event: `join_request.approved_by_${input.side}`, details });
    return { request: { ...request, ...change, updatedAt: ctx.now }, activated: false };
  }

  // The second approval (or the only one possible): the membership opens. A company always keeps a
  // head, so the first person let into a company without one becomes its head.
  const role: CompanyRole = unattended && !(await hasHead(ctx.db, request.customerId)) ? 'head' : 'employee';
  const final = { ...change, status: 'approved' as const };
  await updateJoinRequest(ctx.db, request.customerId, request.id, final, ctx.now);
  const member = (await lockMembers(ctx.db, request.customerId, [request.userId])).get(request.userId);
  if (!member || member.status !== 'pending' || member.pendingStep !== 'join_approval') {
    // Only a hand-edited database gets here: the request and its waiting membership change together.
    throw new Error(`join request ${request.id} has no waiting membership`);
  }
  await updateMember(ctx.db, request.customerId, request.userId, { role, status: 'active', pendingStep: null, statusReason: null }, ctx.now);
  await notify(ctx, [applicant], { kind: 'approved', company: company!.name, role, link: links.cabinet(ctx, request.customerId) });
  await recordAudit(ctx.db, ctx.now, { ...audit, event: `join_request.approved_by_${input.side}`, details });
  await recordAudit(ctx.db, ctx.now, { ...audit, event: 'join_request.approved', details: { ...details, role, moderatorAlone: unattended } });
  return { request: { ...request, ...final, updatedAt: ctx.now }, activated: true };
}

/** People mentioned in requests (applicants and deciders), for the views. */
export async function peopleOf(ctx: EmployeesContext, requests: readonly JoinRequestRow[]): Promise<Map<string, Person>> {
  return findPeople(
    ctx.db,
    requests.flatMap((request) => [request.userId, request.moderatorId, request.companyDeciderId].filter((id): id is string => id !== null)),
  );
}
