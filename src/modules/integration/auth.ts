import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../platform/db/database.ts';
import { ApiScopeMissingError, ApiTokenInvalidError, ApiTokenRequiredError } from './errors.ts';
import type { ApiScope } from './scopes.ts';
import { authenticateApiToken, type ApiToken } from './tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The API token behind an /api/v1/integration request; always null elsewhere. */
    apiToken: ApiToken | null;
  }
}

export interface IntegrationAuthOptions {
  db: Db;
}

/** Where bearer tokens are read, and the only place they are. */
export const INTEGRATION_PREFIX = '/api/v1/integration/';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export function isIntegrationUrl(url: string): boolean {
  return url.startsWith(INTEGRATION_PREFIX);
}

/**
 * Bearer tokens on /api/v1/integration/*: the request gets its token or a 401 before validation, so
 * an integration route cannot be probed without one. Session cookies count for nothing there (the
 * session read by the cookie plugin is dropped), and a bearer token counts for nothing anywhere
 * else, since no other route looks at `apiToken`. Register after the session plugin.
 */
export const integrationAuth = fp(
  async (app: FastifyInstance, { db }: IntegrationAuthOptions) => {
    app.decorateRequest('apiToken', null);
    app.addHook('onRequest', async (request) => {
      if (!isIntegrationUrl(request.url)) return;
      request.auth = null;
      const match = BEARER.exec(request.headers.authorization ?? '');
      if (!match?.[1]) throw new ApiTokenRequiredError();
      const token = await authenticateApiToken(db, match[1], new Date());
      if (!token) throw new ApiTokenInvalidError();
      request.apiToken = token;
    });
  },
  { name: 'integration-auth' },
);

/** The request's token, which must carry `scope`: 401 without a live token, 403 without the scope. */
export function requireApiToken(request: FastifyRequest, scope: ApiScope | null): ApiToken {
  const token = request.apiToken;
  if (!token) throw request.headers.authorization ? new ApiTokenInvalidError() : new ApiTokenRequiredError();
  if (scope !== null && !token.scopes.includes(scope)) throw new ApiScopeMissingError(scope);
  return token;
}
