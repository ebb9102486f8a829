import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../db/database.ts';
import { pendingMigrations } from '../db/migrations.ts';
import { ServiceUnavailableError } from './errors.ts';

const HealthResponse = Type.Object({ status: Type.Literal('ok') });

/**
 * `/healthz`: the process answers. `/readyz`: the database answers and every migration this
 * process knows is applied — once seen applied they stay applied, so later probes are one query.
 */
export async function healthRoutes(app: FastifyInstance, options: { db: Db }) {
  let migrationsApplied = false;
  const schema = { hide: true, response: { 200: HealthResponse } };

  app.get('/healthz', { schema, logLevel: 'warn' }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', { schema, logLevel: 'warn' }, async () => {
    try {
      await sql`select 1`.execute(options.db);
      if (!migrationsApplied) migrationsApplied = (await pendingMigrations(options.db)).length === 0;
    } catch {
      throw new ServiceUnavailableError('database_unavailable');
    }
    if (!migrationsApplied) throw new ServiceUnavailableError('service_unavailable');
    return { status: 'ok' as const };
  });
}
