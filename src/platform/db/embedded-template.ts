import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pino from 'pino';
import { Jobs } from '../jobs/jobs.ts';
import { embeddedOptions, wrapPGlite } from './database.ts';
import { migrateToLatest } from './migrations.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const VERSION: string = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;

/**
 * A freshly initialized PGlite cluster, migrated and with the job queue installed, made once at
 * `npm install`: initdb and the first migrations are most of a first start (seconds of WASM), so a
 * new data directory is unpacked from this instead; migrations added later apply on top as usual.
 * Keyed by the PGlite version, so an upgrade never reuses an old cluster.
 */
export const TEMPLATE_PATH = path.join(ROOT, 'node_modules/.cache/kabinet', `pglite-${VERSION}.tar`);

export async function writeEmbeddedTemplate(): Promise<void> {
  const pglite = await PGlite.create(embeddedOptions);
  const database = wrapPGlite(pglite);
  await migrateToLatest(database.db);
  const jobs = new Jobs(database.jobsConnection, pino({ level: 'silent' }));
  await jobs.start();
  await jobs.stop(1000);
  const dump = await pglite.dumpDataDir('none');
  await database.close();
  mkdirSync(path.dirname(TEMPLATE_PATH), { recursive: true });
  writeFileSync(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
}

/** The template, when the directory has no cluster yet and a template was made. */
export function templateFor(pgdataDir: string): Blob | undefined {
  if (existsSync(path.join(pgdataDir, 'PG_VERSION')) || !existsSync(TEMPLATE_PATH)) return undefined;
  return new Blob([readFileSync(TEMPLATE_PATH)]);
}
