/** One HTTP request a load client sends; a scenario cycles through its list. */
export interface BenchRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * What the scenario's figures are divided by. `bare-fastify`: a plain Fastify route answering the
 * same JSON, so the ratio is our HTTP overhead. `pgbenchSql`: the SQL the endpoint runs, driven by
 * pgbench with the same connections and duration against the same database, so the ratio is what
 * the application costs on top of PostgreSQL.
 */
export type Reference = 'bare-fastify' | { pgbenchSql: string };

export interface Scenario {
  name: string;
  description: string;
  requests: BenchRequest[];
  reference: Reference;
}
