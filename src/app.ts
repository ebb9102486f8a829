import { randomUUID } from 'node:crypto';
import underPressure from '@fastify/under-pressure';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import cookie from '@fastify/cookie';
import { accountsRoutes } from './modules/accounts/index.ts';
import { createPaymentGateway, paymentsRoutes, publicPaymentsRoutes } from './modules/payments/index.ts';
import { tariffsRoutes } from './modules/tariffs/index.ts';
import { promisedRoutes } from './modules/promised/index.ts';
import { backofficeRoutes } from './modules/backoffice/index.ts';
import { accountRoutes, authentication, identityRoutes, staffInvitationRoutes } from './modules/identity/index.ts';
import { batchRoutes, integrationAdminRoutes, integrationAuth, integrationRoutes } from './modules/integration/index.ts';
import { customerAccess, partiesRoutes } from './modules/parties/index.ts';
import { settingsRoutes } from './modules/settings/index.ts';
import type { Db } from './platform/db/database.ts';
import { registerErrorHandling } from './platform/http/errors.ts';
import { healthRoutes } from './platform/http/health.ts';
import { idempotency } from './platform/http/idempotency.ts';
import { metrics } from './platform/http/metrics.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { registerOriginCheck } from './platform/http/origin-check.ts';
import { registerSecurityHeaders } from './platform/http/security.ts';
import { registerWebApp } from './platform/http/web.ts';
import type { Jobs } from './platform/jobs/jobs.ts';
import { version } from './version.ts';

export interface AppDependencies {
  config: Config;
  db: Db;
  jobs: Jobs;
  logger: Logger;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The HTTP application: platform plugins first, then every module's routes under /api/v1. */
export async function buildApp({ config, db, jobs, logger }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // Behind a proxy, X-Request-Id is kept so one id follows a request through every log.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    bodyLimit: config.bodyLimitBytes,
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs + 5000,
    keepAliveTimeout: 5000,
    return503OnClosing: true,
    ajv: { customOptions: { allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  await registerSecurityHeaders(app, { https: config.publicUrl.protocol === 'https:' });
  await app.register(underPressure, { maxEventLoopDelay: config.maxEventLoopDelayMs, retryAfter: 10 });
  await app.register(metrics);
  await registerOpenApi(app, { version });
  await app.register(healthRoutes, { db });
  registerOriginCheck(app, { publicOrigin: config.publicUrl.origin });
  const secureCookies = config.publicUrl.protocol === 'https:';
  await app.register(cookie);
  await app.register(authentication, { db, secureCookies });
  await app.register(integrationAuth, { db });
  await app.register(customerAccess, { db, timeZone: config.timeZone });
  await app.register(idempotency, { db, callerOf: (request) => request.auth?.user.id ?? request.apiToken?.id ?? null });

  await app.register(
    async (api) => {
      await api.register(settingsRoutes, { db, timeZone: config.timeZone });
      await api.register(identityRoutes, { db, jobs, secureCookies });
      await api.register(accountRoutes, { db, jobs, secureCookies });
      await api.register(staffInvitationRoutes, { db, jobs });
      await api.register(backofficeRoutes, { db, jobs, publicUrl: config.publicUrl });
      await api.register(partiesRoutes, { db, jobs, timeZone: config.timeZone, publicUrl: config.publicUrl, registry: config.registry });
      await api.register(accountsRoutes, { db, timeZone: config.timeZone });
      await api.register(tariffsRoutes, { db, timeZone: config.timeZone });
      await api.register(promisedRoutes, { db, timeZone: config.timeZone });
      const gateway = createPaymentGateway(config.payments.gateway, db, config.publicUrl);
      await api.register(paymentsRoutes, { db, gateway, timeZone: config.timeZone, publicUrl: config.publicUrl, returnUrl: config.payments.returnUrl });
      await api.register(publicPaymentsRoutes, { db, gateway, publicUrl: config.publicUrl, testGateway: gateway.name === 'test' });
      await api.register(integrationRoutes);
      await api.register(integrationAdminRoutes, { db, jobs });
      await api.register(batchRoutes, { db, timeZone: config.timeZone });
    },
    { prefix: '/api/v1' },
  );

  await registerWebApp(app, { distDir: config.webDistDir });
  return app;
}
