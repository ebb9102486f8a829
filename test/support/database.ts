import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { embeddedOptions, openServer, wrapPGlite, type DatabaseHandle } from '../../src/platform/db/database.ts';

/**
 * A database of this test file's own, already migrated: a PGlite instance loaded from the template
 * dump, or on PostgreSQL (DATABASE_URL set) a copy of the template database, dropped on close.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const postgresTemplate = inject('postgresTemplate');
  if (!postgresTemplate) {
    const dump = new Blob([readFileSync(inject('pgliteTemplate'))]);
    const pglite = await PGlite.create({ ...embeddedOptions, loadDataDir: dump });
    return wrapPGlite(pglite);
  }

  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL disappeared between setup and test');
  const name = `kabinet_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name} template ${postgresTemplate}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openServer(url.toString(), { poolSize: 5 });
  return {
    ...handle,
    async close() {
      await handle.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(connectionString: string, text: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
