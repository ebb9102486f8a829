// Fills the database the app would use (DATABASE_URL, else KABINET_DATA_DIR) with generated data.
// Usage: node bench/generate/index.ts [--customers 100000] [--seed 1] [--out <dir>]
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrations.ts';
import { seededRandom } from './random.ts';
import { generators } from './registry.ts';

function wholeNumber(raw: string, name: string): number {
  if (!/^\d+$/.test(raw)) throw new Error(`--${name} must be a whole number, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      customers: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      // Where generators leave files for the bench scenarios (the identity generator: session tokens).
      out: { type: 'string' },
    },
  });
  const config = loadConfig();
  const logger = pino({ level: 'warn' });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  try {
    await migrateToLatest(database.db);
    const random = seededRandom(wholeNumber(values.seed, 'seed'));
    const scale = { customers: wholeNumber(values.customers, 'customers') };
    console.log(`Generating into the ${database.kind} database: ${scale.customers} customers, seed ${values.seed}`);
    const ctx = { db: database.db, random, scale, outDir: values.out };
    for (const generator of generators.toReversed()) await generator.clear?.(ctx);
    for (const generator of generators) {
      const started = performance.now();
      const summary = await generator.run(ctx);
      console.log(`  ${generator.module}: ${summary} (${Math.round(performance.now() - started)} ms)`);
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
