import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { lockDataDir } from './data-dir-lock.ts';
import { templateFor } from './embedded-template.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/** What pg-boss needs to reach the same database. */
export type JobsConnection =
  | { backend: 'pglite'; pglite: PGlite }
  | { backend: 'postgres'; connectionString: string };

export interface DatabaseHandle {
  db: Db;
  kind: 'embedded' | 'server';
  jobsConnection: JobsConnection;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;

/**
 * Both engines return the same JS types: bigint columns (kopecks, counters) as numbers — exact up to
 * 2^53, far beyond any balance — and `date` as 'YYYY-MM-DD' strings, because billing periods are
 * calendar dates, not instants.
 */
const parseInt8 = (value: string) => Number(value);
const keepDate = (value: string) => value;

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  logger?: Logger;
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openServer(options.databaseUrl, options) : openEmbedded(options.dataDir);
}

async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
  const lock = lockDataDir(dataDir);
  try {
    const pgdata = path.join(dataDir, 'pgdata');
    const template = templateFor(pgdata);
    const pglite = await PGlite.create(pgdata, { ...embeddedOptions, ...(template ? { loadDataDir: template } : {}) });
    return wrapPGlite(pglite, () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

export const embeddedOptions: PGliteOptions = { parsers: { [INT8]: parseInt8, [DATE]: keepDate } };

/** A handle over an open PGlite instance; `afterClose` releases whatever guarded it. */
export function wrapPGlite(pglite: PGlite, afterClose: () => void = () => {}): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'embedded',
    jobsConnection: { backend: 'pglite', pglite },
    async close() {
      try {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        afterClose();
      }
    },
  };
}

export async function openServer(connectionString: string, options: Omit<OpenDatabaseOptions, 'dataDir'> = {}): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    // A database that is down must fail a request quickly (503), not hang it.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return parseInt8;
        if (oid === DATE) return keepDate;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client's error with no listener would kill the process.
  pool.on('error', (error) => options.logger?.error({ err: error }, 'idle database client failed'));
  pool.on('connect', (client) => {
    client.on('error', (error) => options.logger?.error({ err: error }, 'database client failed'));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'server',
    jobsConnection: { backend: 'postgres', connectionString },
    async close() {
      await db.destroy();
    },
  };
}
