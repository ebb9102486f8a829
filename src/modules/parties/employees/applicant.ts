import { hit, type Limit } from '../../../platform/throttle/throttle.ts';
import { TooManyAttemptsError, type UserKind } from '../../identity/index.ts';
import { findMembership } from '../memberships.ts';
import { withDb, type EmployeesContext } from './context.ts';
import { JoinRequestNotFoundError, StaffCannotJoinError } from './errors.ts';
import { fileJoinRequest, findCompanyByTaxId, withdrawJoinRequest } from './join-requests.ts';
import { selectCompanies, selectOpenJoinRequest, selectUserJoinRequest, selectUserJoinRequests, type CompanyRow, type JoinRequestRow } from './store.ts';

/** Looking companies up by INN tells whether they are our customers: a person gets a few dozen tries. */
const LOOKUP_LIMIT: Limit = { max: 30, windowSeconds: 600 };
/** Each request mails the company's approvers: a handful an hour is plenty for a real person. */
const FILING_LIMIT: Limit = { max: 10, windowSeconds: 3600 };
const MY_REQUESTS_LIMIT = 50;

interface Applicant {
  id: string;
  kind: UserKind;
}

export interface TaxId {
  inn: string;
  kpp?: string | undefined;
}

async function throttle(ctx: EmployeesContext, key: string, limit: Limit) {
  const state = await hit(ctx.db, key, limit, ctx.now);
  if (!state.allowed) throw new TooManyAttemptsError(state.retryAfterSeconds);
}

function refuseStaff(user: Applicant) {
  if (user.kind === 'staff') throw new StaffCannotJoinError();
}

/** «Компания найдена: …»: the registered company behind an INN, and where the person already stands with it. */
export async function lookUpCompanyToJoin(ctx: EmployeesContext, user: Applicant, taxId: TaxId) {
  refuseStaff(user);
  await throttle(ctx, `join-lookup:user:${user.id}`, LOOKUP_LIMIT);
  const company = await findCompanyByTaxId(ctx, taxId);
  const member = await findMembership(ctx.db, company.id, user.id);
  const open = member?.status === 'pending' ? await selectOpenJoinRequest(ctx.db, company.id, user.id) : undefined;
  return {
    company: companyView(company),
    membershipStatus: member && member.status !== 'ended' ? member.status : null,
    openRequestId: open?.id ?? null,
  };
}

/** Files a request to join the company with this INN (and KPP); throttled per person. */
export async function requestToJoin(ctx: EmployeesContext, user: Applicant, taxId: TaxId) {
  refuseStaff(user);
  await throttle(ctx, `join-request:user:${user.id}`, FILING_LIMIT);
  const company = await findCompanyByTaxId(ctx, taxId);
  const filed = await ctx.db.transaction().execute((trx) => fileJoinRequest(withDb(ctx, trx), { customerId: company.id, userId: user.id }));
  const request = await selectUserJoinRequest(ctx.db, user.id, filed.id);
  return myView(request!, company);
}

export async function listMyJoinRequests(ctx: EmployeesContext, userId: string) {
  const requests = await selectUserJoinRequests(ctx.db, userId, MY_REQUESTS_LIMIT);
  const companies = await selectCompanies(ctx.db, requests.map((request) => request.customerId));
  return { items: requests.map((request) => myView(request, companies.get(request.customerId)!)) };
}

export async function withdrawMyJoinRequest(ctx: EmployeesContext, userId: string, id: string) {
  const found = await selectUserJoinRequest(ctx.db, userId, id);
  if (!found) throw new JoinRequestNotFoundError();
  const request = await withdrawJoinRequest(ctx, userId, found.customerId, id);
  const companies = await selectCompanies(ctx.db, [request.customerId]);
  return myView(request, companies.get(request.customerId)!);
}

function companyView(company: CompanyRow) {
  return { id: company.id, name: company.name, inn: company.inn ?? '', kpp: company.kpp, status: company.status };
}

/** The applicant's own view: both decisions, never who decided. */
function myView(request: JoinRequestRow, company: CompanyRow) {
  return {
    id: request.id,
    company: companyView(company),
    status: request.status,
    moderatorDecision: request.moderatorDecision,
    moderatorDecidedAt: request.moderatorDecidedAt,
    companyDecision: request.companyDecision,
    companyDecidedAt: request.companyDecidedAt,
    reason: request.reason,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
  };
}
