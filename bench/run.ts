// npm run bench [-- scenario…] [--duration 10] [--connections 32] [--database=embedded|postgres]
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { scenarios } from './scenarios/index.ts';
import { measureScenario, type BenchDatabase, type MeasureOptions, type ScenarioResult } from './support/measure.ts';
import { startPostgres, type ThrowawayPostgres } from './support/postgres.ts';
import { formatScenario, problemsOf } from './support/report.ts';

const USAGE = `Usage: npm run bench -- [scenario…] [options]

Scenarios: ${scenarios.map((scenario) => scenario.name).join(', ')} (default: all)

Options:
  --duration <s>          seconds of measured load per target (default 10, at most 600)
  --warmup <s>            seconds of unmeasured load before it (default 1)
  --connections <n>       concurrent connections, HTTP and pgbench alike (default 32)
  --max-requests <n>      stop a target's load after this many requests (default 5000000)
  --customers <n>         generate this many customers instead of the scenario's own scale (a quick check)
  --database <kind>       embedded (PGlite, default) or postgres (a throwaway cluster started here,
                          or the database in BENCH_DATABASE_URL when set)`;

function integerOption(raw: string, name: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return value;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '1' },
      connections: { type: 'string', default: '32' },
      'max-requests': { type: 'string', default: '5000000' },
      customers: { type: 'string' },
      database: { type: 'string', default: process.env.BENCH_DATABASE_URL ? 'postgres' : 'embedded' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const options: MeasureOptions = {
    durationSec: integerOption(values.duration, 'duration', 1, 600),
    warmupSec: integerOption(values.warmup, 'warmup', 0, 60),
    connections: integerOption(values.connections, 'connections', 1, 1000),
    maxRequests: integerOption(values['max-requests'], 'max-requests', 1, 100_000_000),
    ...(values.customers === undefined ? {} : { customers: integerOption(values.customers, 'customers', 200, 10_000_000) }),
  };
  if (values.database !== 'embedded' && values.database !== 'postgres') throw new UsageError('--database must be embedded or postgres');
  const unknown = positionals.filter((name) => !scenarios.some((scenario) => scenario.name === name));
  if (unknown.length > 0) throw new UsageError(`unknown scenario ${unknown.join(', ')}`);
  const selected = positionals.length === 0 ? scenarios : scenarios.filter((scenario) => positionals.includes(scenario.name));

  let throwaway: ThrowawayPostgres | undefined;
  const stopPostgres = async () => {
    await throwaway?.stop();
    throwaway = undefined;
  };
  process.once('SIGINT', () => void stopPostgres().finally(() => process.exit(130)));
  try {
    let database: BenchDatabase = { kind: 'embedded' };
    const externalUrl = process.env.BENCH_DATABASE_URL;
    if (values.database === 'postgres' && externalUrl) {
      database = { kind: 'postgres', databaseFor: async () => externalUrl };
    } else if (values.database === 'postgres') {
      const cluster = await startPostgres();
      throwaway = cluster;
      database = { kind: 'postgres', databaseFor: (scenario) => cluster.createDatabase(`bench_${scenario}`) };
    }
    console.log(
      `Kabinet bench: node ${process.version}, ${os.availableParallelism()} CPUs (shared by server and load generator), ` +
        `${options.connections} connections (unless the scenario fixes its own), ${options.warmupSec} s warm-up + ${options.durationSec} s per target, database: ${database.kind}\n`,
    );
    return await runAll(selected, options, database);
  } finally {
    await stopPostgres();
  }
}

async function runAll(selected: typeof scenarios, options: MeasureOptions, database: BenchDatabase): Promise<number> {
  const startedAt = new Date();
  const results: ScenarioResult[] = [];
  const problems: string[] = [];
  for (const scenario of selected) {
    try {
      const result = await measureScenario(scenario, options, database);
      results.push(result);
      problems.push(...problemsOf(result));
      console.log(formatScenario(result) + '\n');
    } catch (error) {
      problems.push(`${scenario.name}: ${error instanceof Error ? error.message : String(error)}`);
      console.error(`${scenario.name}: failed\n`);
    }
  }
  const file = writeResults(startedAt, options, database.kind, results, problems);
  console.log(`Results: ${file}`);
  for (const problem of problems) console.error(`FAILED ${problem}`);
  return problems.length === 0 ? 0 : 1;
}

function writeResults(startedAt: Date, options: MeasureOptions, database: string, results: ScenarioResult[], problems: string[]): string {
  const dir = new URL('out/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL(`${startedAt.toISOString().replaceAll(':', '-')}.json`, dir);
  const machine = { node: process.version, cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model, totalMemMb: Math.round(os.totalmem() / 2 ** 20) };
  writeFileSync(file, JSON.stringify({ startedAt, machine, options, database, scenarios: results, problems }, null, 2) + '\n');
  return file.pathname;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
