import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import { handleVoluntaryUnblock } from './modules/accounts/index.ts';
import { handleIdentityCleanup } from './modules/identity/index.ts';
import { handleWebhooks } from './modules/integration/index.ts';
import { handleGuardianshipExpiry, handleSubscriberClaimsCleanup } from './modules/parties/index.ts';
import { createPaymentGateway, handlePaymentsReconcile } from './modules/payments/index.ts';
import { handlePeriodicCharges } from './modules/tariffs/index.ts';
import { handlePromisedExpiry } from './modules/promised/index.ts';
import type { Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrations.ts';
import { retryWhileUnavailable } from './platform/db/retry.ts';
import { Jobs } from './platform/jobs/jobs.ts';
import { createMailDelivery, handleMailSend } from './platform/mail/mail.ts';
import { createHttpSmsGateway } from './platform/sms/gateway.ts';
import { handleSmsSend } from './platform/sms/sms.ts';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** Stops accepting, lets in-flight requests finish (bounded), stops jobs, closes the database. */
  shutdown(): Promise<void>;
}

/** Everything a process needs before it serves: the database, its migrations, the job queue. */
export async function openRuntime(config: Config, logger: Logger): Promise<{ database: DatabaseHandle; jobs: Jobs }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  try {
    const applied = await retryWhileUnavailable('migrate', () => migrateToLatest(database.db), logger);
    if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
    const jobs = new Jobs(database.jobsConnection, logger);
    await retryWhileUnavailable('job queue', () => jobs.start(), logger);
    return { database, jobs };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function registerWorkers(jobs: Jobs, database: DatabaseHandle, config: Config, logger?: Logger) {
  await jobs.work('mail.send', handleMailSend(database.db, createMailDelivery(config.smtpUrl, config.mailFrom)));
  await jobs.work('sms.send', handleSmsSend(database.db, config.smsGateway && createHttpSmsGateway(config.smsGateway)));
  await jobs.work('identity.cleanup', handleIdentityCleanup(database.db));
  await jobs.work('parties.guardianship', handleGuardianshipExpiry(database.db, config.timeZone));
  await jobs.work('parties.subscriber-claims', handleSubscriberClaimsCleanup(database.db));
  await jobs.work('payments.reconcile', handlePaymentsReconcile(database.db, createPaymentGateway(config.payments.gateway, database.db, config.publicUrl), logger));
  await jobs.work('integration.webhooks', handleWebhooks(database.db));
  await jobs.work('tariffs.periodic-charges', handlePeriodicCharges(database.db, config.timeZone));
  await jobs.work('promised.expiry', handlePromisedExpiry(database.db));
  await jobs.work('accounts.voluntary-unblock', handleVoluntaryUnblock(database.db, config.timeZone));
}

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const { database, jobs } = await openRuntime(config, logger);
  let app: FastifyInstance;
  try {
    await registerWorkers(jobs, database, config, logger);
    app = await buildApp({ config, db: database.db, jobs, logger });
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await jobs.stop(config.shutdownTimeoutMs).catch(() => undefined);
    await database.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  const shutdown = () => {
    closing ??= (async () => {
      const deadline = setTimeout(() => {
        logger.warn('in-flight requests outlived the shutdown timeout; closing their connections');
        app.server.closeAllConnections();
      }, config.shutdownTimeoutMs);
      try {
        await app.close();
      } finally {
        clearTimeout(deadline);
        await jobs.stop(config.shutdownTimeoutMs).catch((error) => logger.error({ err: error }, 'job queue did not stop cleanly'));
        await database.close();
      }
    })();
    return closing;
  };

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return { app, url: `http://${host}:${port}`, shutdown };
}
