#!/usr/bin/env node
import { parseArgs } from 'node:util';
import pino from 'pino';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { fillDemo } from './demo.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { openRuntime, startServer } from './server.ts';

const USAGE: Record<string, string> = {
  main: `Usage: kabinet <command> [--help]

Commands:
  start     serve the cabinet (API and web app), applying pending migrations first
  migrate   apply pending database migrations and exit
  demo      fill the database with a demo provider

Configuration comes from the environment (PORT, HOST, KABINET_DATA_DIR, DATABASE_URL, ...);
see README.md.`,
  start: `Usage: kabinet start

Serves the API under /api/v1 and the web app on HOST:PORT (default 127.0.0.1:3000).
Without DATABASE_URL the embedded database lives in KABINET_DATA_DIR (default ./data);
only one process may open it. SIGTERM or SIGINT shut down gracefully.`,
  migrate: `Usage: kabinet migrate

Applies pending migrations (under a lock, safe to run from several processes) and exits.`,
  demo: `Usage: kabinet demo

Fills the database with a demo provider (name, support contacts). Safe to run again.
Stop a running 'kabinet start' on the same embedded data directory first.`,
};

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  const command = positionals[0];
  if (!command || !(command in USAGE) || command === 'main') {
    console.log(USAGE.main);
    return command && !values.help ? 2 : 0;
  }
  if (values.help) {
    console.log(USAGE[command]);
    return 0;
  }
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  switch (command) {
    case 'start':
      return start(config, logger);
    case 'migrate':
    case 'demo': {
      const { database, jobs } = await openRuntime(config, logger);
      try {
        if (command === 'demo') {
          await fillDemo(database.db, { timeZone: config.timeZone, now: new Date() });
          console.log('Demo data is in place.');
        } else {
          console.log('Database is up to date.');
        }
      } finally {
        await jobs.stop(config.shutdownTimeoutMs);
        await database.close();
      }
      return 0;
    }
    default:
      throw new Error(`unknown command ${command}`);
  }
}

async function start(config: Config, logger: pino.Logger): Promise<number> {
  const server = await startServer(config, logger);
  logger.info(`Kabinet is serving at ${server.url}`);
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down');
      server.shutdown().then(
        () => resolve(0),
        (error) => {
          logger.error({ err: error }, 'shutdown failed');
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  },
);
