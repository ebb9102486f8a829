import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/database.ts';
import { problems } from '../../platform/http/schemas.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { requireUser, staffOnly } from '../identity/index.ts';
import { requireMembership } from './access.ts';
import { countQueues, getCustomerForMember } from './customers.ts';
import { companiesRoutes } from './companies/routes.ts';
import type { HttpRegistryOptions } from './companies/registry/http.ts';
import { employeesRoutes } from './employees/index.ts';
import { familyRoutes } from './family/index.ts';
import { subscribersRoutes } from './subscribers/index.ts';
import { listMemberships } from './memberships.ts';
import { MODERATORS } from './moderators.ts';
import { ROLE_PERMISSIONS } from './roles.ts';
import { CustomerParams, CustomerResponse, MembershipList, QueueCounts, RoleTable } from './schemas.ts';

export interface PartiesRouteOptions {
  db: Db;
  jobs: Jobs;
  timeZone: string;
  publicUrl: URL;
  /** A DaData-compatible company registry; without it the local registry table answers. */
  registry?: HttpRegistryOptions | undefined;
}

const tags = ['parties'];

/** Which customers the signed-in user acts for, what each role may do, and the customer itself. */
export const partiesRoutes: FastifyPluginAsyncTypebox<PartiesRouteOptions> = async (app, deps) => {
  await app.register(employeesRoutes, deps);
  await app.register(companiesRoutes, deps);
  await app.register(subscribersRoutes, deps);
  await app.register(familyRoutes, deps);
  app.get('/me/customers', { schema: { tags, operationId: 'listMyCustomers', response: { 200: MembershipList, ...problems(401, 403) } } }, async (request) => {
    const { user } = requireUser(request);
    const items = await listMemberships(deps.db, user.id);
    return {
      items: items
        .filter((membership) => membership.status !== 'ended')
        .map((membership) => ({
          customer: { id: membership.customerId, ...membership.customer },
          role: membership.role,
          status: membership.status as 'pending' | 'active' | 'blocked',
          pendingStep: membership.pendingStep,
          permissions: [...ROLE_PERMISSIONS[membership.role]],
        })),
    };
  });

  app.get('/roles', { schema: { tags, operationId: 'listRoles', response: { 200: RoleTable } } }, async () => ({
    items: Object.entries(ROLE_PERMISSIONS).map(([role, allowed]) => ({ role: role as keyof typeof ROLE_PERMISSIONS, permissions: [...allowed] })),
  }));

  app.get(
    '/customers/:customerId',
    { schema: { tags, operationId: 'getCustomerForMember', params: CustomerParams, response: { 200: CustomerResponse, ...problems(401, 403, 404) } } },
    async (request) => getCustomerForMember(deps.db, requireMembership(request)),
  );

  app.get(
    '/backoffice/queues',
    { onRequest: staffOnly(MODERATORS), schema: { tags: ['backoffice'], operationId: 'countQueues', response: { 200: QueueCounts, ...problems(401, 403, 404) } } },
    async () => countQueues(deps.db),
  );
};
