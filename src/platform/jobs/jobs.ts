import { fromKysely, fromPglite, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { Db, JobsConnection } from '../db/database.ts';
import { queuePolicies, schedules, type JobName, type JobPayloads } from './queues.ts';

export type JobHandler<N extends JobName> = (data: JobPayloads[N], job: { id: string; retryCount: number }) => Promise<void>;

export interface SendJobOptions {
  /** Run no earlier than this. */
  startAfter?: Date;
  /** One live job per key and queue (pg-boss singleton key). */
  singletonKey?: string;
}

/**
 * pg-boss on the same database as the business data. `send` takes the caller's transaction, so a
 * job exists if and only if the work that enqueued it commits.
 */
export class Jobs {
  readonly #boss: PgBoss;
  readonly #logger: Logger;

  constructor(connection: JobsConnection, logger: Logger) {
    this.#logger = logger;
    this.#boss =
      connection.backend === 'pglite'
        ? new PgBoss({ backend: 'pglite', db: fromPglite(connection.pglite) })
        : new PgBoss({ connectionString: connection.connectionString, max: 4, connectionTimeoutMillis: 5000 });
    // Without a listener a dropped connection would crash the process.
    this.#boss.on('error', (error) => this.#logger.error({ err: error }, 'job queue error'));
  }

  async start(): Promise<void> {
    await this.#boss.start();
    for (const [name, policy] of Object.entries(queuePolicies)) {
      await this.#boss.createQueue(name, policy);
    }
    for (const [name, cron] of Object.entries(schedules)) {
      await this.#boss.schedule(name, cron, {});
    }
  }

  async send<N extends JobName>(db: Db, name: N, data: JobPayloads[N], options: SendJobOptions = {}): Promise<string | null> {
    return this.#boss.send(name, data, { ...options, db: fromKysely(db) });
  }

  async work<N extends JobName>(name: N, handler: JobHandler<N>): Promise<void> {
    await this.#boss.work<JobPayloads[N]>(name, async (jobs) => {
      for (const job of jobs) await handler(job.data, { id: job.id, retryCount: job.retryCount });
    });
  }

  /** Jobs of a queue in any state; for the back office and tests. */
  async find<N extends JobName>(name: N) {
    return this.#boss.findJobs<JobPayloads[N]>(name);
  }

  /** Lets running handlers finish (bounded by `timeoutMs`), then stops polling. */
  async stop(timeoutMs: number): Promise<void> {
    await this.#boss.stop({ graceful: true, timeout: timeoutMs, close: true });
  }
}
