import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../platform/http/schemas.ts';
import { requireApiToken } from './auth.ts';
import { WhoamiResponse } from './schemas.ts';

/** Routes for the provider's systems under /integration, authenticated by bearer API tokens. */
export const integrationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/integration/whoami',
    {
      schema: {
        tags: ['integration'],
        operationId: 'integrationWhoami',
        summary: 'The API token of the request: its name and scopes',
        security: [{ bearerAuth: [] }],
        response: { 200: WhoamiResponse, ...problems(401) },
      },
    },
    async (request) => {
      const token = requireApiToken(request, null);
      return { tokenId: token.id, name: token.name, scopes: token.scopes };
    },
  );
};
