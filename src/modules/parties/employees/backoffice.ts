import { findPeople, findPersonIdsMatching, type Person } from '../../identity/index.ts';
import type { Decision } from '../tables.ts';
import type { EmployeesContext } from './context.ts';
import { JoinRequestNotFoundError } from './errors.ts';
import { APPROVER_ROLES, decideJoinRequest, peopleOf } from './join-requests.ts';
import { countQueueStates, selectActiveMembersWithRoles, selectCompanies, selectJoinRequestById, selectQueue, selectRequestAudit, type CompanyRow, type JoinRequestRow, type QueueState } from './store.ts';
import { AppError } from '../../../platform/http/errors.ts';

const QUEUE_PAGE_MAX = 100;
/** Applicants matched by name or email before the queue is searched; a broader query needs more letters. */
const APPLICANT_MATCH_MAX = 200;

export async function findJoinRequestQueue(ctx: EmployeesContext, options: { state: QueueState; query?: string | undefined; cursor?: string | undefined; limit: number }) {
  const limit = Math.min(Math.max(options.limit, 1), QUEUE_PAGE_MAX);
  const query = options.query?.trim() || undefined;
  const applicantIds = query ? await findPersonIdsMatching(ctx.db, query, APPLICANT_MATCH_MAX) : [];
  const rows = await selectQueue(ctx.db, { state: options.state, query, applicantIds, after: options.cursor, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const items = await staffViews(ctx, page);
  return { items, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null, counts: await countQueueStates(ctx.db) };
}

/** One request with the decisions about it as the audit log recorded them. */
export async function getJoinRequestForStaff(ctx: EmployeesContext, id: string) {
  const request = await selectJoinRequestById(ctx.db, id);
  if (!request) throw new JoinRequestNotFoundError();
  const [view] = await staffViews(ctx, [request]);
  const events = await selectRequestAudit(ctx.db, request.customerId, request.id);
  const actors = await findPeople(ctx.db, events.map((event) => event.actorId).filter((actor): actor is string => actor !== null));
  return {
    ...view!,
    audit: events.map((event) => ({ ...event, actorName: event.actorId ? (actors.get(event.actorId)?.name ?? null) : null })),
  };
}

export async function decideAsModerator(ctx: EmployeesContext, actorId: string, id: string, decision: Decision, reason?: string) {
  const found = await selectJoinRequestById(ctx.db, id);
  if (!found) throw new JoinRequestNotFoundError();
  const { request } = await decideJoinRequest(ctx, { side: 'moderator', actorId, customerId: found.customerId, id, decision, reason });
  const [view] = await staffViews(ctx, [request]);
  return view!;
}

/**
 * Approves several requests; each is its own transaction, so one already decided or withdrawn
 * request does not hold the others back. The answer tells the outcome of each.
 */
export async function approveManyAsModerator(ctx: EmployeesContext, actorId: string, ids: readonly string[]) {
  const items = [];
  for (const id of new Set(ids)) {
    try {
      const view = await decideAsModerator(ctx, actorId, id, 'approved');
      items.push({ id, ok: true, status: view.status, code: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      items.push({ id, ok: false, status: null, code: error.code });
    }
  }
  return { items };
}

async function staffViews(ctx: EmployeesContext, requests: readonly JoinRequestRow[]) {
  const [people, companies] = await Promise.all([peopleOf(ctx, requests), selectCompanies(ctx.db, requests.map((request) => request.customerId))]);
  const attended = new Map<string, boolean>();
  for (const customerId of new Set(requests.filter((request) => request.status === 'pending').map((request) => request.customerId))) {
    attended.set(customerId, (await selectActiveMembersWithRoles(ctx.db, customerId, APPROVER_ROLES)).length > 0);
  }
  return requests.map((request) => staffView(request, companies.get(request.customerId)!, people, attended.get(request.customerId) ?? true));
}

function staffView(request: JoinRequestRow, company: CompanyRow, people: Map<string, Person>, companyCanApprove: boolean) {
  const name = (id: string | null) => (id ? (people.get(id)?.name ?? null) : null);
  const applicant = people.get(request.userId);
  return {
    id: request.id,
    customer: { id: company.id, name: company.name, inn: company.inn ?? '', kpp: company.kpp, status: company.status },
    applicant: { id: request.userId, name: applicant?.name ?? '', email: applicant?.email ?? '' },
    status: request.status,
    moderatorDecision: request.moderatorDecision,
    moderatorName: name(request.moderatorId),
    moderatorDecidedAt: request.moderatorDecidedAt,
    companyDecision: request.companyDecision,
    companyDeciderName: name(request.companyDeciderId),
    companyDecidedAt: request.companyDecidedAt,
    reason: request.reason,
    companyCanApprove,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
  };
}
