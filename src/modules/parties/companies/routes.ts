import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { problems } from '../../../platform/http/schemas.ts';
import { localeFrom } from '../../../platform/i18n/index.ts';
import { originOf, requireStaff, requireUser, staffOnly } from '../../identity/index.ts';
import { MODERATORS } from '../moderators.ts';
import type { PartiesRouteOptions } from '../routes.ts';
import {
  approveCompanies,
  approveCompany,
  blockCompany,
  findCompaniesForModeration,
  getCompanyForModeration,
  rejectCompany,
  unblockCompany,
  type ModerationContext,
} from './moderation.ts';
import { createRegistry } from './registry/registry.ts';
import {
  BulkApproveBody,
  BulkApproveResponse,
  CompaniesPage,
  CompaniesQuery,
  CompanyDetail,
  CompanyIdParams,
  CompanyRegistered,
  CompanySummary,
  CreateCompanyBody,
  JoinRequested,
  ReasonBody,
  RegistryLookupParams,
  RegistryLookupQuery,
  RegistryLookupResponse,
} from './schemas.ts';
import { lookupParty, registerCompany, type CompaniesContext, type Registrant } from './service.ts';

const tags = ['companies'];
const staffTags = ['backoffice'];
// Anyone not allowed gets 404 (requireStaff), signed-out callers 401, staff without TOTP 403.
const denied = [401, 403, 404] as const;

function registrant(request: FastifyRequest): Registrant {
  const { user } = requireUser(request);
  return { id: user.id, kind: user.kind, name: user.name, email: user.email, locale: user.locale };
}

/** Company registration (customers) and its moderation (staff). */
export const companiesRoutes: FastifyPluginAsyncTypebox<PartiesRouteOptions> = async (app, deps) => {
  const moderators = { onRequest: staffOnly(MODERATORS) };
  const registry = createRegistry(deps.db, deps.registry);
  const context = (request: FastifyRequest): CompaniesContext => ({
    db: deps.db,
    jobs: deps.jobs,
    now: new Date(),
    origin: originOf(request),
    registry,
    publicUrl: deps.publicUrl,
  });
  const moderation = (request: FastifyRequest): ModerationContext => {
    const { registry: _registry, ...ctx } = context(request);
    return ctx;
  };

  app.get(
    '/registry/parties/:inn',
    {
      schema: {
        tags,
        operationId: 'lookupRegistryParty',
        summary: 'What the company registry says about an INN, for filling in the company form; and whether the company is already registered here',
        params: RegistryLookupParams,
        querystring: RegistryLookupQuery,
        response: { 200: RegistryLookupResponse, ...problems(400, 401, 403, 429) },
      },
    },
    async (request) => {
      const user = registrant(request);
      const result = await lookupParty(context(request), user, request.params.inn, request.query.kpp);
      if (result.result === 'unavailable') request.log.warn({ inn: request.params.inn }, 'company registry unavailable for a look-up');
      return result;
    },
  );

  app.post(
    '/companies',
    {
      schema: {
        tags,
        operationId: 'registerCompany',
        summary: 'Register a company (legal entity or sole proprietor); it waits for a moderator. An INN registered by someone else files a request to join that company instead (202)',
        body: CreateCompanyBody,
        response: { 201: CompanyRegistered, 200: CompanyRegistered, 202: JoinRequested, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const registered = await registerCompany(context(request), registrant(request), request.body);
      if (registered.outcome === 'join_requested') return reply.status(202).send({ joinRequest: registered.joinRequest });
      const { createdBy: _createdBy, registryCheck, decidedAt: _decidedAt, ...company } = registered.company;
      if (registryCheck === 'unavailable') request.log.warn({ customerId: company.id }, 'company registered while the registry was unavailable');
      const created = registered.outcome === 'created';
      return reply.status(created ? 201 : 200).send({ company, created });
    },
  );

  app.get(
    '/backoffice/companies',
    { ...moderators, schema: { tags: staffTags, operationId: 'listCompaniesForModeration', querystring: CompaniesQuery, response: { 200: CompaniesPage, ...problems(400, ...denied) } } },
    async (request) => {
      requireStaff(request, MODERATORS);
      const { cursor, limit, ...filters } = request.query;
      return findCompaniesForModeration(moderation(request), filters, { ...(cursor ? { cursor } : {}), limit: limit ?? 50 });
    },
  );

  app.get(
    '/backoffice/companies/:id',
    { ...moderators, schema: { tags: staffTags, operationId: 'getCompanyForModeration', params: CompanyIdParams, response: { 200: CompanyDetail, ...problems(...denied) } } },
    async (request) => {
      requireStaff(request, MODERATORS);
      return getCompanyForModeration(moderation(request), request.params.id);
    },
  );

  app.post(
    '/backoffice/companies/bulk-approve',
    {
      ...moderators,
      schema: {
        tags: staffTags,
        operationId: 'approveCompanies',
        summary: 'Approve several pending companies; each is decided on its own, failures are listed',
        body: BulkApproveBody,
        response: { 200: BulkApproveResponse, ...problems(400, ...denied) },
      },
    },
    async (request) => {
      const { user } = requireStaff(request, MODERATORS);
      return approveCompanies(moderation(request), user.id, request.body.ids, localeFrom(request.headers['accept-language']));
    },
  );

  const decision = (operationId: string, summary: string) => ({
    ...moderators,
    schema: { tags: staffTags, operationId, summary, params: CompanyIdParams, response: { 200: CompanySummary, ...problems(...denied, 409) } },
  });
  const reasoned = (operationId: string, summary: string) => ({
    ...moderators,
    schema: { tags: staffTags, operationId, summary, params: CompanyIdParams, body: ReasonBody, response: { 200: CompanySummary, ...problems(400, ...denied, 409) } },
  });

  app.post('/backoffice/companies/:id/approve', decision('approveCompany', 'Approve a pending company; the registrant is emailed'), async (request) => {
    const { user } = requireStaff(request, MODERATORS);
    return approveCompany(moderation(request), user.id, request.params.id);
  });

  app.post('/backoffice/companies/:id/reject', reasoned('rejectCompany', 'Reject a pending company with a reason; the registrant is emailed'), async (request) => {
    const { user } = requireStaff(request, MODERATORS);
    return rejectCompany(moderation(request), user.id, request.params.id, request.body.reason);
  });

  app.post('/backoffice/companies/:id/block', reasoned('blockCompany', 'Block an active company: viewing only, no ordering, paying or submitting'), async (request) => {
    const { user } = requireStaff(request, MODERATORS);
    return blockCompany(moderation(request), user.id, request.params.id, request.body.reason);
  });

  app.post('/backoffice/companies/:id/unblock', decision('unblockCompany', 'Make a blocked company active again'), async (request) => {
    const { user } = requireStaff(request, MODERATORS);
    return unblockCompany(moderation(request), user.id, request.params.id);
  });
};
