import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sql, type ColumnType, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.ts';
import { AppError } from './errors.ts';

export interface IdempotencyTables {
  http_idempotency: {
    scope: string;
    key: string;
    request_hash: string;
    /** Null while the first request runs. */
    status_code: number | null;
    response: ColumnType<unknown, never, RawBuilder<unknown>> | null;
    created_at: Date;
  };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route honours an `Idempotency-Key` header: a retry gets the first answer, not a second write. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency: { scope: string; key: string } | null;
  }
}

export interface IdempotencyOptions {
  db: Db;
  /** Whose keys these are (a user, an API token); keys of different callers never meet. */
  callerOf: (request: FastifyRequest) => string | null;
}

/** A key whose request never finished (the process died) may be taken over after this long. */
const STALE_AFTER_MS = 5 * 60_000;
const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` on the routes that create money, readings, orders or requests (route config
 * `idempotent: true`), after validation and authentication: the same key with the same body gets
 * the first answer; with a different body 422; while the first is still running 409. Server errors
 * are not remembered, so a retry after one runs again.
 */
export const idempotency = fp(async (app: FastifyInstance, { db, callerOf }: IdempotencyOptions) => {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config.idempotent) return;
    const key = request.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || !KEY.test(key)) throw new AppError('idempotency_key_invalid', 400);
    const scope = `${callerOf(request) ?? 'anonymous'} ${request.method} ${request.url.split('?')[0]}`;
    const hash = createHash('sha256').update(JSON.stringify(request.body ?? null)).digest('base64url');
    const now = new Date();

    const claimed = await db
      .insertInto('http_idempotency')
      .values({ scope, key, request_hash: hash, created_at: now })
      .onConflict((oc) =>
        oc
          .columns(['scope', 'key'])
          .doUpdateSet({ created_at: now })
          .where('http_idempotency.status_code', 'is', null)
          .where('http_idempotency.request_hash', '=', hash)
          .where('http_idempotency.created_at', '<', new Date(now.getTime() - STALE_AFTER_MS)),
      )
      .returning('key')
      .executeTakeFirst();
    if (claimed) {
      request.idempotency = { scope, key };
      return;
    }
    const first = await db.selectFrom('http_idempotency').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
    if (!first) throw new AppError('idempotency_key_in_progress', 409);
    if (first.request_hash !== hash) throw new AppError('idempotency_key_reused', 422);
    if (first.status_code === null) throw new AppError('idempotency_key_in_progress', 409, { headers: { 'retry-after': '1' } });
    reply.header('idempotent-replayed', 'true');
    return reply.code(first.status_code).send(first.response);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    const where = db.deleteFrom('http_idempotency').where('scope', '=', claim.scope).where('key', '=', claim.key);
    if (reply.statusCode >= 500 || reply.statusCode === 409 || reply.statusCode === 429) {
      await where.execute();
      return payload;
    }
    const body = typeof payload === 'string' && payload.length > 0 ? payload : 'null';
    await db
      .updateTable('http_idempotency')
      .set({ status_code: reply.statusCode, response: sql`${body}::jsonb` })
      .where('scope', '=', claim.scope)
      .where('key', '=', claim.key)
      .execute();
    return payload;
  });
});
