import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { ProblemResponse } from './schemas.ts';

/** OpenAPI 3.1 built from the route schemas: `/api/openapi.json`, and a docs UI at `/api/docs`. */
export async function registerOpenApi(app: FastifyInstance, options: { version: string }) {
  app.addSchema(ProblemResponse);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kabinet API',
        version: options.version,
        description: 'Customer cabinet API. Errors are application/problem+json (RFC 9457) with a stable `code`.',
      },
      servers: [],
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token (kbt_…) for /api/v1/integration' } } },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
