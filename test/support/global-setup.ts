import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { embeddedOptions, openServer, wrapPGlite, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrations.ts';
import { Jobs } from '../../src/platform/jobs/jobs.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite pass: a dump of the migrated template database. */
    pgliteTemplate: string;
    /** PostgreSQL pass: the migrated template database to copy per test file. */
    postgresTemplate: string;
  }
}

const silent = pino({ level: 'silent' });

/** Brings a database to the state every test file starts from: migrated, job queue installed. */
async function prepare(handle: DatabaseHandle) {
  await migrateToLatest(handle.db);
  const jobs = new Jobs(handle.jobsConnection, silent);
  await jobs.start();
  await jobs.stop(1000);
}

export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const template = `kabinet_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const url = new URL(databaseUrl);
    url.pathname = `/${template}`;
    const handle = await openServer(url.toString());
    await prepare(handle);
    await handle.close();
    project.provide('postgresTemplate', template);
    project.provide('pgliteTemplate', '');
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'kabinet-test-'));
  const pglite = await PGlite.create(embeddedOptions);
  const handle = wrapPGlite(pglite);
  await prepare(handle);
  const dump = await pglite.dumpDataDir('none');
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  return () => rmSync(dir, { recursive: true, force: true });
}
