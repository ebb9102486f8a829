import type { Person } from '../../identity/index.ts';
import type { Membership } from '../memberships.ts';
import type { Decision } from '../tables.ts';
import type { EmployeesContext } from './context.ts';
import { decideJoinRequest, peopleOf } from './join-requests.ts';
import { selectCompanyOpenRequests, type JoinRequestRow } from './store.ts';

/** The «Заявки» tab: requests waiting for the company, with who asks and what the moderator said. */
export async function listCompanyJoinRequests(ctx: EmployeesContext, customerId: string) {
  const requests = await selectCompanyOpenRequests(ctx.db, customerId);
  const people = await peopleOf(ctx, requests);
  return { items: requests.map((request) => companyView(request, people)) };
}

/** The head (or an administrator) approves or rejects for the company. */
export async function decideForCompany(ctx: EmployeesContext, actor: Membership, id: string, decision: Decision, reason?: string) {
  const { request } = await decideJoinRequest(ctx, { side: 'company', actorId: actor.userId, customerId: actor.customerId, id, decision, reason });
  return companyView(request, await peopleOf(ctx, [request]));
}

function companyView(request: JoinRequestRow, people: Map<string, Person>) {
  const applicant = people.get(request.userId);
  return {
    id: request.id,
    applicant: { id: request.userId, name: applicant?.name ?? '', email: applicant?.email ?? '' },
    status: request.status,
    moderatorDecision: request.moderatorDecision,
    moderatorDecidedAt: request.moderatorDecidedAt,
    companyDecision: request.companyDecision,
    companyDecidedAt: request.companyDecidedAt,
    reason: request.reason,
    createdAt: request.createdAt,
  };
}
