import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/database.ts';
import { problems } from '../../platform/http/schemas.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { listOutbox } from '../../platform/outbox/outbox.ts';
import {
  blockCustomer,
  blockStaff,
  createStaff,
  findCustomers,
  identityContext,
  listStaff,
  requireStaff,
  resetCustomerTwoFactor,
  staffOnly,
  unblockCustomer,
  unblockStaff,
  updateStaff,
  type StaffRole,
} from '../identity/index.ts';
import {
  BlockBody,
  CreateStaffBody,
  CustomerDetail,
  CustomersPage,
  CustomersQuery,
  CustomerSummaryResponse,
  IdParams,
  OutboxList,
  OutboxQuery,
  StaffCreated,
  StaffList,
  StaffMemberResponse,
  UpdateStaffBody,
} from './schemas.ts';
import { getCustomerPicture } from './service.ts';

export interface BackofficeRouteOptions {
  db: Db;
  jobs: Jobs;
  /** Links in invitations are built from the configured address, never from the request's Host. */
  publicUrl: URL;
}

const ADMINISTRATORS: readonly StaffRole[] = ['administrator'];
const CUSTOMER_DESK: readonly StaffRole[] = ['administrator', 'moderator', 'operator'];
const tags = ['backoffice'];

const admins = { onRequest: staffOnly(ADMINISTRATORS) };
const desk = { onRequest: staffOnly(CUSTOMER_DESK) };
// Anyone not allowed gets 404 (requireStaff), signed-out callers 401, staff without TOTP 403.
const denied = [401, 403, 404] as const;

/** The provider's staff: managing staff accounts, looking after customers, reading the outbox. */
export const backofficeRoutes: FastifyPluginAsyncTypebox<BackofficeRouteOptions> = async (app, deps) => {
  app.get('/backoffice/staff', { ...admins, schema: { tags, operationId: 'listStaff', response: { 200: StaffList, ...problems(...denied) } } }, async (request) => {
    requireStaff(request, ADMINISTRATORS);
    return { items: await listStaff(identityContext(request, deps)) };
  });

  app.post(
    '/backoffice/staff',
    { ...admins, schema: { tags, operationId: 'createStaff', body: CreateStaffBody, response: { 201: StaffCreated, ...problems(400, ...denied, 409, 503) } } },
    async (request, reply) => {
      const { user } = requireStaff(request, ADMINISTRATORS);
      return reply.status(201).send(await createStaff(identityContext(request, deps), user.id, request.body, deps.publicUrl));
    },
  );

  app.patch(
    '/backoffice/staff/:id',
    { ...admins, schema: { tags, operationId: 'updateStaff', params: IdParams, body: UpdateStaffBody, response: { 200: StaffMemberResponse, ...problems(400, ...denied, 409) } } },
    async (request) => {
      const { user } = requireStaff(request, ADMINISTRATORS);
      return updateStaff(identityContext(request, deps), user.id, request.params.id, request.body);
    },
  );

  app.post(
    '/backoffice/staff/:id/block',
    { ...admins, schema: { tags, operationId: 'blockStaff', params: IdParams, body: BlockBody, response: { 200: StaffMemberResponse, ...problems(400, ...denied, 409) } } },
    async (request) => {
      const { user } = requireStaff(request, ADMINISTRATORS);
      return blockStaff(identityContext(request, deps), user.id, request.params.id, request.body.reason);
    },
  );

  app.post(
    '/backoffice/staff/:id/unblock',
    { ...admins, schema: { tags, operationId: 'unblockStaff', params: IdParams, response: { 200: StaffMemberResponse, ...problems(...denied) } } },
    async (request) => {
      const { user } = requireStaff(request, ADMINISTRATORS);
      return unblockStaff(identityContext(request, deps), user.id, request.params.id);
    },
  );

  app.get(
    '/backoffice/users',
    { ...desk, schema: { tags, operationId: 'findCustomers', querystring: CustomersQuery, response: { 200: CustomersPage, ...problems(400, ...denied) } } },
    async (request) => {
      requireStaff(request, CUSTOMER_DESK);
      const { query, cursor, limit } = request.query;
      return findCustomers(identityContext(request, deps), { query, cursor, limit: limit ?? 20 });
    },
  );

  app.get(
    '/backoffice/users/:id',
    { ...desk, schema: { tags, operationId: 'getCustomer', params: IdParams, response: { 200: CustomerDetail, ...problems(...denied) } } },
    async (request) => {
      requireStaff(request, CUSTOMER_DESK);
      return getCustomerPicture(identityContext(request, deps), request.params.id);
    },
  );

  app.post(
    '/backoffice/users/:id/block',
    { ...desk, schema: { tags, operationId: 'blockCustomer', params: IdParams, body: BlockBody, response: { 200: CustomerSummaryResponse, ...problems(400, ...denied) } } },
    async (request) => {
      const { user } = requireStaff(request, CUSTOMER_DESK);
      return blockCustomer(identityContext(request, deps), user.id, request.params.id, request.body.reason);
    },
  );

  app.post(
    '/backoffice/users/:id/unblock',
    { ...desk, schema: { tags, operationId: 'unblockCustomer', params: IdParams, response: { 200: CustomerSummaryResponse, ...problems(...denied) } } },
    async (request) => {
      const { user } = requireStaff(request, CUSTOMER_DESK);
      return unblockCustomer(identityContext(request, deps), user.id, request.params.id);
    },
  );

  app.post(
    '/backoffice/users/:id/reset-two-factor',
    {
      ...desk,
      schema: {
        tags,
        operationId: 'resetCustomerTwoFactor',
        summary: 'Turn off a customer\'s two-factor after they proved who they are (lost phone, hijacked account)',
        params: IdParams,
        body: BlockBody,
        response: { 200: CustomerSummaryResponse, ...problems(400, ...denied) },
      },
    },
    async (request) => {
      const { user } = requireStaff(request, CUSTOMER_DESK);
      return resetCustomerTwoFactor(identityContext(request, deps), user.id, request.params.id, request.body.reason);
    },
  );

  app.get(
    '/backoffice/outbox',
    { ...admins, schema: { tags, operationId: 'listOutbox', querystring: OutboxQuery, response: { 200: OutboxList, ...problems(400, ...denied) } } },
    async (request) => {
      requireStaff(request, ADMINISTRATORS);
      return { items: await listOutbox(deps.db, { limit: request.query.limit ?? 50 }) };
    },
  );
};
