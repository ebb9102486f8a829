import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/database.ts';
import { NoContent, problems } from '../../../platform/http/schemas.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { originOf, requireStaff, requireUser, staffOnly } from '../../identity/index.ts';
import { requireMembership } from '../access.ts';
import { CustomerParams } from '../schemas.ts';
import { listMyJoinRequests, lookUpCompanyToJoin, requestToJoin, withdrawMyJoinRequest } from './applicant.ts';
import { approveManyAsModerator, decideAsModerator, findJoinRequestQueue, getJoinRequestForStaff } from './backoffice.ts';
import { decideForCompany, listCompanyJoinRequests } from './company-requests.ts';
import type { EmployeesContext } from './context.ts';
import { blockMember, changeMemberRole, listMembers, removeMember, transferHeadship, unblockMember } from './members.ts';
import {
  BulkApproveBody,
  BulkApproveResult,
  ChangeRoleBody,
  CompanyJoinRequest,
  CompanyJoinRequestList,
  CompanyToJoin,
  CustomerMemberParams,
  CustomerRequestParams,
  HeadTransferBody,
  IdParams,
  JoinRequestBody,
  MemberList,
  MyJoinRequest,
  MyJoinRequestList,
  QueuePage,
  QueueQuery,
  ReasonBody,
  StaffJoinRequest,
  StaffJoinRequestDetail,
  TaxIdQuery,
} from './schemas.ts';
import { MODERATORS } from '../moderators.ts';

export interface EmployeesRouteOptions {
  db: Db;
  jobs: Jobs;
  publicUrl: URL;
}

const moderators = { onRequest: staffOnly(MODERATORS) };
const tags = ['employees'];
const staffTags = ['backoffice'];
// Anyone not allowed gets 404, signed-out callers 401, staff without TOTP 403.
const denied = [401, 403, 404] as const;

/** Join requests (applicant, company, moderator) and the company's members. */
export const employeesRoutes: FastifyPluginAsyncTypebox<EmployeesRouteOptions> = async (app, deps) => {
  const context = (request: FastifyRequest): EmployeesContext => ({
    db: deps.db,
    jobs: deps.jobs,
    now: new Date(),
    origin: originOf(request),
    publicUrl: deps.publicUrl,
  });

  // --- the applicant ---------------------------------------------------------------------------

  app.get(
    '/join-requests/company',
    {
      schema: {
        tags,
        operationId: 'findCompanyToJoin',
        summary: 'The registered company with this INN (and KPP), and where the caller stands with it',
        querystring: TaxIdQuery,
        response: { 200: CompanyToJoin, ...problems(400, 401, 403, 404, 429) },
      },
    },
    async (request) => {
      const { user } = requireUser(request);
      return lookUpCompanyToJoin(context(request), user, request.query);
    },
  );

  app.post(
    '/join-requests',
    {
      schema: {
        tags,
        operationId: 'requestToJoin',
        summary: 'Ask to join the company with this INN; its head and a moderator must both approve',
        body: JoinRequestBody,
        response: { 201: MyJoinRequest, ...problems(400, 401, 403, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const { user } = requireUser(request);
      return reply.status(201).send(await requestToJoin(context(request), user, request.body));
    },
  );

  app.get('/me/join-requests', { schema: { tags, operationId: 'listMyJoinRequests', response: { 200: MyJoinRequestList, ...problems(401, 403) } } }, async (request) => {
    const { user } = requireUser(request);
    return listMyJoinRequests(context(request), user.id);
  });

  app.post(
    '/me/join-requests/:id/withdraw',
    { schema: { tags, operationId: 'withdrawMyJoinRequest', params: IdParams, response: { 200: MyJoinRequest, ...problems(401, 403, 404, 409) } } },
    async (request) => {
      const { user } = requireUser(request);
      return withdrawMyJoinRequest(context(request), user.id, request.params.id);
    },
  );

  // --- the company -----------------------------------------------------------------------------

  app.get(
    '/customers/:customerId/members',
    { schema: { tags, operationId: 'listMembers', params: CustomerParams, response: { 200: MemberList, ...problems(401, 403, 404) } } },
    async (request) => listMembers(context(request), requireMembership(request, 'view').customerId),
  );

  app.patch(
    '/customers/:customerId/members/:userId',
    {
      schema: { tags, operationId: 'changeMemberRole', params: CustomerMemberParams, body: ChangeRoleBody, response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) } },
    },
    async (request, reply) => {
      await changeMemberRole(context(request), requireMembership(request, 'manage_members'), request.params.userId, request.body.role);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/customers/:customerId/members/:userId/block',
    { schema: { tags, operationId: 'blockMember', params: CustomerMemberParams, body: ReasonBody, response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) } } },
    async (request, reply) => {
      await blockMember(context(request), requireMembership(request, 'manage_members'), request.params.userId, request.body.reason);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/customers/:customerId/members/:userId/unblock',
    { schema: { tags, operationId: 'unblockMember', params: CustomerMemberParams, response: { 204: NoContent, ...problems(401, 403, 404, 409) } } },
    async (request, reply) => {
      await unblockMember(context(request), requireMembership(request, 'manage_members'), request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/customers/:customerId/members/:userId',
    { schema: { tags, operationId: 'removeMember', params: CustomerMemberParams, response: { 204: NoContent, ...problems(401, 403, 404, 409) } } },
    async (request, reply) => {
      await removeMember(context(request), requireMembership(request, 'manage_members'), request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/customers/:customerId/head-transfer',
    {
      schema: {
        tags,
        operationId: 'transferHeadship',
        summary: 'Hand headship to an active member; the former head becomes an administrator',
        params: CustomerParams,
        body: HeadTransferBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await transferHeadship(context(request), requireMembership(request, 'manage_members'), request.body.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/customers/:customerId/join-requests',
    { schema: { tags, operationId: 'listCompanyJoinRequests', params: CustomerParams, response: { 200: CompanyJoinRequestList, ...problems(401, 403, 404) } } },
    async (request) => listCompanyJoinRequests(context(request), requireMembership(request, 'approve_members').customerId),
  );

  app.post(
    '/customers/:customerId/join-requests/:id/approve',
    { schema: { tags, operationId: 'approveCompanyJoinRequest', params: CustomerRequestParams, response: { 200: CompanyJoinRequest, ...problems(401, 403, 404, 409) } } },
    async (request) => decideForCompany(context(request), requireMembership(request, 'approve_members'), request.params.id, 'approved'),
  );

  app.post(
    '/customers/:customerId/join-requests/:id/reject',
    {
      schema: { tags, operationId: 'rejectCompanyJoinRequest', params: CustomerRequestParams, body: ReasonBody, response: { 200: CompanyJoinRequest, ...problems(400, 401, 403, 404, 409) } },
    },
    async (request) => decideForCompany(context(request), requireMembership(request, 'approve_members'), request.params.id, 'rejected', request.body.reason),
  );

  // --- the moderator ---------------------------------------------------------------------------
  // Staff routes name a request by its id alone: a `:customerId` in the path would put them behind
  // the members-only guard of customer routes.

  app.get(
    '/backoffice/join-requests',
    { ...moderators, schema: { tags: staffTags, operationId: 'findJoinRequestQueue', querystring: QueueQuery, response: { 200: QueuePage, ...problems(400, ...denied) } } },
    async (request) => {
      requireStaff(request, MODERATORS);
      const { state, query, cursor, limit } = request.query;
      return findJoinRequestQueue(context(request), { state: state ?? 'moderator', query, cursor, limit: limit ?? 50 });
    },
  );

  app.post(
    '/backoffice/join-requests/approve',
    {
      ...moderators,
      schema: { tags: staffTags, operationId: 'approveJoinRequests', summary: 'Approve several join requests as the moderator', body: BulkApproveBody, response: { 200: BulkApproveResult, ...problems(400, ...denied) } },
    },
    async (request) => {
      const { user } = requireStaff(request, MODERATORS);
      return approveManyAsModerator(context(request), user.id, request.body.ids);
    },
  );

  app.get(
    '/backoffice/join-requests/:id',
    { ...moderators, schema: { tags: staffTags, operationId: 'getJoinRequest', params: IdParams, response: { 200: StaffJoinRequestDetail, ...problems(...denied) } } },
    async (request) => {
      requireStaff(request, MODERATORS);
      return getJoinRequestForStaff(context(request), request.params.id);
    },
  );

  app.post(
    '/backoffice/join-requests/:id/approve',
    { ...moderators, schema: { tags: staffTags, operationId: 'approveJoinRequest', params: IdParams, response: { 200: StaffJoinRequest, ...problems(...denied, 409) } } },
    async (request) => {
      const { user } = requireStaff(request, MODERATORS);
      return decideAsModerator(context(request), user.id, request.params.id, 'approved');
    },
  );

  app.post(
    '/backoffice/join-requests/:id/reject',
    { ...moderators, schema: { tags: staffTags, operationId: 'rejectJoinRequest', params: IdParams, body: ReasonBody, response: { 200: StaffJoinRequest, ...problems(400, ...denied, 409) } } },
    async (request) => {
      const { user } = requireStaff(request, MODERATORS);
      return decideAsModerator(context(request), user.id, request.params.id, 'rejected', request.body.reason);
    },
  );
};
