import type { Scenario } from '../support/scenario.ts';

export const readyz: Scenario = {
  name: 'readyz',
  description: 'GET /readyz: routing, hooks, serialization and one `select 1`, against a bare Fastify route',
  requests: [{ method: 'GET', path: '/readyz' }],
  reference: 'bare-fastify',
};
