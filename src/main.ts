#!/usr/bin/env node
import { parseArgs } from 'node:util';
import pino from 'pino';
import { ADMIN_USAGE, adminCommand } from './admin.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { fillDemo } from './demo.ts';
import { verifyLedger } from './modules/accounts/index.ts';
import { IMPORT_USAGE, importCommand } from './import.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import type { Db } from './platform/db/database.ts';
import { listOutbox } from './platform/outbox/outbox.ts';
import { openRuntime, startServer } from './server.ts';

const USAGE: Record<string, string> = {
  main: `Usage: kabinet <command> [--help]

Commands:
  start     serve the cabinet (API and web app), applying pending migrations first
  migrate   apply pending database migrations and exit
  demo      fill the database with a demo provider
  outbox    show messages kept in the outbox (no SMTP server or SMS gateway configured)
  admin     create staff users, such as the first administrator ('kabinet admin create')
  import    load data from a file: the company registry, the provider's accounts ('kabinet import registry|accounts')
  verify    check stored data: 'kabinet verify ledger' proves every balance equals the sum of its entries

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
  outbox: `Usage: kabinet outbox [--limit N] [--json]

Prints the newest email and SMS messages that stayed in the outbox because no SMTP_URL or
SMS_GATEWAY_URL is configured: time, channel, recipient, subject (email) or text (SMS).
  --limit N   how many messages, 1 to 1000 (default 20)
  --json      one JSON array with the full messages, for scripts
Stop a running 'kabinet start' on the same embedded data directory first.`,
  verify: `Usage: kabinet verify ledger

Proves that every account's stored balance equals the sum of its ledger entries, reading one
consistent snapshot (safe while the server runs on PostgreSQL). Prints the accounts and entries
checked and every account that disagrees. Exit codes: 0 all agree, 1 some disagree, 2 wrong usage.`,
  admin: ADMIN_USAGE,
  import: IMPORT_USAGE,
};

async function main(argv: string[]): Promise<number> {
  // Its own options and subcommands; `kabinet admin --help` is answered there too.
  if (argv[0] === 'admin') return adminCommand(argv.slice(1));
  if (argv[0] === 'import') return importCommand(argv.slice(1));
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  });
  const command = positionals[0];
  if (!command || !(command in USAGE) || command === 'main') {
    console.log(USAGE.main);
    return command && !values.help ? 2 : 0;
  }
  if (values.help) {
    console.log(USAGE[command]);
    return 0;
  }
  const limit = Number(values.limit ?? 20);
  if (command === 'outbox' && !(Number.isInteger(limit) && limit >= 1 && limit <= 1000)) {
    console.error(`--limit must be a whole number from 1 to 1000; got ${JSON.stringify(values.limit)}`);
    return 2;
  }
  if (command === 'verify' && (positionals[1] !== 'ledger' || positionals.length !== 2)) {
    console.error(USAGE.verify);
    return 2;
  }
  const config = loadConfig();
  // The outbox listing owns stdout (`--json` must stay parseable); its logs go to stderr.
  const logger = command === 'outbox' ? pino({ level: config.logLevel }, pino.destination(2)) : pino({ level: config.logLevel });
  switch (command) {
    case 'start':
      return start(config, logger);
    case 'migrate':
    case 'demo':
    case 'verify':
    case 'outbox': {
      const { database, jobs } = await openRuntime(config, logger);
      try {
        if (command === 'verify') return await printLedgerCheck(database.db);
        if (command === 'outbox') {
          await printOutbox(database.db, { limit, json: values.json ?? false, timeZone: config.timeZone });
        } else if (command === 'demo') {
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

async function printOutbox(db: Db, options: { limit: number; json: boolean; timeZone: string }) {
  const messages = await listOutbox(db, { limit: options.limit });
  if (options.json) {
    console.log(JSON.stringify(messages, null, 2));
    return;
  }
  if (messages.length === 0) {
    console.log('The outbox is empty.');
    return;
  }
  // sv-SE formats as 2026-11-25 12:50:00, in the provider's time zone.
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: options.timeZone, dateStyle: 'short', timeStyle: 'medium' });
  const width = Math.max(...messages.map((message) => message.to.length));
  for (const message of messages) {
    const what = (message.subject ?? message.text).replace(/\s+/g, ' ');
    console.log(`${time.format(message.createdAt)}  ${message.channel.padEnd(4)}  ${message.to.padEnd(width)}  ${what}`);
  }
}

async function printLedgerCheck(db: Db): Promise<number> {
  const { accounts, entries, mismatches } = await verifyLedger(db);
  for (const account of mismatches) {
    console.error(`account ${account.number}: balance ${account.balance} kopecks, entries sum to ${account.sum}`);
  }
  console.log(`Ledger: ${accounts} accounts, ${entries} entries checked; ${mismatches.length === 0 ? 'every balance equals the sum of its entries' : `${mismatches.length} disagree`}.`);
  return mismatches.length === 0 ? 0 : 1;
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
