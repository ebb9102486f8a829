import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { localeFrom } from '../../platform/i18n/index.ts';
import { NoContent, problems } from '../../platform/http/schemas.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { originOf, requireStaff, staffOnly, type StaffRole } from '../identity/index.ts';
import { INTEGRATION_EVENT_TYPES } from './events.ts';
import { API_SCOPES, API_SCOPE_LIST } from './scopes.ts';
import {
  ApiTokenCreated,
  ApiTokenList,
  ApiTokenResponse,
  CreateApiTokenBody,
  CreateWebhookEndpointBody,
  IdParams,
  IntegrationCatalog,
  UpdateWebhookEndpointBody,
  WebhookDeliveriesPage,
  WebhookDeliveriesQuery,
  WebhookDeliveryResponse,
  WebhookEndpointCreated,
  WebhookEndpointList,
  WebhookEndpointResponse,
} from './schemas.ts';
import { createApiToken, listApiTokens, revokeApiToken, type IntegrationContext } from './tokens.ts';
import { createWebhookEndpoint, deleteWebhookEndpoint, findWebhookDeliveries, listWebhookEndpoints, retryWebhookDelivery, updateWebhookEndpoint } from './webhooks.ts';

export interface IntegrationAdminRouteOptions {
  db: Db;
  jobs: Jobs;
}

const ADMINISTRATORS: readonly StaffRole[] = ['administrator'];
const admins = { onRequest: staffOnly(ADMINISTRATORS) };
const tags = ['integration'];
// Anyone but an administrator gets 404, signed-out callers 401, staff without TOTP 403.
const denied = [401, 403, 404] as const;

function context(request: FastifyRequest, db: Db): IntegrationContext {
  const { user } = requireStaff(request, ADMINISTRATORS);
  return { db, now: new Date(), actorId: user.id, origin: originOf(request) };
}

/** The back office's «Интеграции»: API tokens and webhook endpoints, for administrators. */
export const integrationAdminRoutes: FastifyPluginAsyncTypebox<IntegrationAdminRouteOptions> = async (app, { db, jobs }) => {
  app.get(
    '/backoffice/integration/catalog',
    { ...admins, schema: { tags, operationId: 'getIntegrationCatalog', response: { 200: IntegrationCatalog, ...problems(...denied) } } },
    async (request) => {
      requireStaff(request, ADMINISTRATORS);
      const locale = localeFrom(request.headers['accept-language']);
      return { scopes: API_SCOPE_LIST.map((scope) => ({ scope, title: API_SCOPES[scope][locale] })), eventTypes: [...INTEGRATION_EVENT_TYPES] };
    },
  );

  app.get('/backoffice/integration/tokens', { ...admins, schema: { tags, operationId: 'listApiTokens', response: { 200: ApiTokenList, ...problems(...denied) } } }, async (request) => {
    const ctx = context(request, db);
    return { items: await listApiTokens(ctx) };
  });

  app.post(
    '/backoffice/integration/tokens',
    { ...admins, schema: { tags, operationId: 'createApiToken', body: CreateApiTokenBody, response: { 201: ApiTokenCreated, ...problems(400, ...denied) } } },
    async (request, reply) => {
      const { expiresAt, ...rest } = request.body;
      const created = await createApiToken(context(request, db), { ...rest, expiresAt: expiresAt ? new Date(expiresAt) : null });
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/backoffice/integration/tokens/:id/revoke',
    { ...admins, schema: { tags, operationId: 'revokeApiToken', params: IdParams, response: { 200: ApiTokenResponse, ...problems(...denied) } } },
    async (request) => revokeApiToken(context(request, db), request.params.id),
  );

  app.get(
    '/backoffice/integration/webhooks',
    { ...admins, schema: { tags, operationId: 'listWebhookEndpoints', response: { 200: WebhookEndpointList, ...problems(...denied) } } },
    async (request) => ({ items: await listWebhookEndpoints(context(request, db)) }),
  );

  app.post(
    '/backoffice/integration/webhooks',
    { ...admins, schema: { tags, operationId: 'createWebhookEndpoint', body: CreateWebhookEndpointBody, response: { 201: WebhookEndpointCreated, ...problems(400, ...denied) } } },
    async (request, reply) => reply.status(201).send(await createWebhookEndpoint(context(request, db), request.body)),
  );

  app.patch(
    '/backoffice/integration/webhooks/:id',
    {
      ...admins,
      schema: { tags, operationId: 'updateWebhookEndpoint', params: IdParams, body: UpdateWebhookEndpointBody, response: { 200: WebhookEndpointResponse, ...problems(400, ...denied) } },
    },
    async (request) => updateWebhookEndpoint(context(request, db), request.params.id, request.body),
  );

  app.delete(
    '/backoffice/integration/webhooks/:id',
    { ...admins, schema: { tags, operationId: 'deleteWebhookEndpoint', params: IdParams, response: { 204: NoContent, ...problems(...denied) } } },
    async (request, reply) => {
      await deleteWebhookEndpoint(context(request, db), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/backoffice/integration/deliveries',
    { ...admins, schema: { tags, operationId: 'listWebhookDeliveries', querystring: WebhookDeliveriesQuery, response: { 200: WebhookDeliveriesPage, ...problems(400, ...denied) } } },
    async (request) => {
      const { limit, ...filters } = request.query;
      return findWebhookDeliveries(context(request, db), { ...filters, limit: limit ?? 50 });
    },
  );

  app.post(
    '/backoffice/integration/deliveries/:id/retry',
    { ...admins, schema: { tags, operationId: 'retryWebhookDelivery', params: IdParams, response: { 200: WebhookDeliveryResponse, ...problems(...denied, 409) } } },
    async (request) => retryWebhookDelivery(context(request, db), jobs, request.params.id),
  );
};
