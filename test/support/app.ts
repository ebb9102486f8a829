import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { Jobs } from '../../src/platform/jobs/jobs.ts';
import { createTestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  jobs: Jobs;
  config: Config;
  close(): Promise<void>;
}

/** The real application over this test file's own database, for `app.inject`. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  // Test machines are busy; overload shedding is for production traffic, not for a test's timing.
  const config = loadConfig({ LOG_LEVEL: 'silent', KABINET_WEB_DIR: '/nonexistent', MAX_EVENT_LOOP_DELAY_MS: '0', ...env });
  const logger = pino({ level: config.logLevel });
  const jobs = new Jobs(database.jobsConnection, logger);
  await jobs.start();
  const app = await buildApp({ config, db: database.db, jobs, logger });
  await app.ready();
  return {
    app,
    database,
    jobs,
    config,
    async close() {
      await app.close();
      await jobs.stop(1000);
      await database.close();
    },
  };
}
