import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateData } from './generate.ts';
import type { LoadResult } from './load-spec.ts';
import { runPgbench } from './postgres.ts';
import { sampleRss } from './rss.ts';
import { runLoad } from './run-load.ts';
import type { BenchRequest, GeneratedData, Probe, Scenario } from './scenario.ts';
import { startApp, startBareFastify, type AppStorage, type ServerProcess } from './servers.ts';

const OUTPUT_TAIL = 4096;

export interface MeasureOptions {
  connections: number;
  durationSec: number;
  warmupSec: number;
  maxRequests: number;
  /** Overrides the scenarios' generated scale. */
  customers?: number;
}

/** Where the app keeps its data: a fresh PGlite directory, or a PostgreSQL database per scenario. */
export type BenchDatabase = { kind: 'embedded' } | { kind: 'postgres'; databaseFor(scenario: string): Promise<string> };

export interface TargetResult {
  target: string;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** HTTP: connection errors and timeouts; pgbench: failed transactions. */
  errors: number;
  /** HTTP only. */
  non2xx?: number;
  /** HTTP only: requests answered in the measured duration. */
  requests?: number;
  /** HTTP only: answers by status. */
  statusCodes?: Record<string, number>;
  /** When set, the answers the load expected (a flood's 401/429/503): others fail the run, non-2xx alone does not. */
  expectedStatuses?: number[];
  /** Servers we start only (not pgbench, whose work is spread over PostgreSQL's processes). */
  peakRssMb?: number;
  /** Servers we start only: the exit code after SIGTERM, or the signal that ended it. */
  exitCode?: number | NodeJS.Signals;
  /** The end of the server's output, kept when it did not exit 0. */
  serverOutput?: string;
}

export interface ScenarioResult {
  name: string;
  description: string;
  database: BenchDatabase['kind'];
  targets: TargetResult[];
  /** Lines of the scenario's one-off measurements (Scenario.extras). */
  extras?: string[];
  /** The scenario's figures over the reference's: throughput (higher is better) and p99 latency. */
  ratio?: { reference: string; throughput: number; p99: number };
  note?: string;
}

export async function measureScenario(scenario: Scenario, options: MeasureOptions, database: BenchDatabase): Promise<ScenarioResult> {
  // The scenario's own: the PGlite data directory, the generators' files.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kabinet-bench-run-'));
  try {
    return await measureIn(dir, scenario, options, database);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureIn(dir: string, scenario: Scenario, options: MeasureOptions, database: BenchDatabase): Promise<ScenarioResult> {
  const databaseUrl = database.kind === 'postgres' ? await database.databaseFor(scenario.name) : undefined;
  const storage: AppStorage = { databaseUrl, dataDir: path.join(dir, 'data') };
  mkdirSync(storage.dataDir);
  const data: GeneratedData = { dir };
  // Before the app starts: PGlite opens in one process at a time.
  if (scenario.generate) await generateData(storage, { ...scenario.generate, ...(options.customers === undefined ? {} : { customers: options.customers }) }, dir);
  const requests = typeof scenario.requests === 'function' ? scenario.requests(data) : scenario.requests;
  const scenarioOptions = { ...options, connections: scenario.connections ?? options.connections };
  const extras = scenario.extras;
  const load: LoadPlan = {
    requests,
    expectStatuses: scenario.expectStatuses,
    probe: scenario.probe,
    ...(extras ? { extras: (url: string) => extras({ url, databaseUrl, data }) } : {}),
  };
  const server = await measureServer(scenario.name, await startApp({ storage, env: scenario.env }), load, scenarioOptions);
  const { targets } = server;
  const result: ScenarioResult = {
    name: scenario.name,
    description: scenario.description,
    database: database.kind,
    targets,
    ...(server.extras ? { extras: server.extras } : {}),
    ...(scenario.note ? { note: scenario.note } : {}),
  };
  const [app] = targets;
  if (app === undefined || scenario.reference === 'none') return result;
  let reference: TargetResult;
  if (scenario.reference === 'bare-fastify') {
    const paths = bareFastifyPaths(scenario.name, requests);
    [reference] = (await measureServer('bare-fastify', await startBareFastify(paths), { requests }, scenarioOptions)).targets as [TargetResult];
  } else if (databaseUrl === undefined) {
    const note = 'embedded database (PGlite): no pgbench reference, absolute figures only; --database=postgres measures the ratio';
    result.note = result.note ? `${result.note}\n  note: ${note}` : note;
    return result;
  } else {
    // After the app has run, so its migrations have created the tables the SQL reads.
    const sql = scenario.reference.pgbenchSql;
    reference = await measurePgbench(typeof sql === 'function' ? sql(data) : sql, databaseUrl, scenarioOptions);
  }
  result.targets.push(reference);
  result.ratio = {
    reference: reference.target,
    throughput: app.requestsPerSec / reference.requestsPerSec,
    p99: app.p99Ms / reference.p99Ms,
  };
  return result;
}

/** The main load, what answers it expects, and the probe that runs beside it. */
interface LoadPlan {
  requests: BenchRequest[];
  expectStatuses?: number[] | undefined;
  probe?: Probe | undefined;
  /** Run after the load, before the server stops. */
  extras?: (url: string) => Promise<string[]>;
}

/** The main load's target first (with the server's RSS and exit), then the probe's, if any. */
async function measureServer(target: string, server: ServerProcess, plan: LoadPlan, options: MeasureOptions): Promise<{ targets: TargetResult[]; extras?: string[] }> {
  const rss = sampleRss(server.pid);
  try {
    const { probe } = plan;
    const [main, probed] = await bothOrThrow(
      runLoad({ url: server.url, requests: plan.requests, ...options }),
      probe ? runLoad({ ...options, url: server.url, requests: probe.requests, connections: probe.connections, ratePerSec: probe.ratePerSec }) : undefined,
    );
    const peakRssMb = rss.stop() / (1024 * 1024);
    const extras = plan.extras ? await plan.extras(server.url) : undefined;
    const exit = await server.stop();
    const exitCode = exit.signal ?? exit.code;
    const result: TargetResult = { ...targetOf(target, main), peakRssMb, exitCode };
    if (plan.expectStatuses) result.expectedStatuses = plan.expectStatuses;
    if (exitCode !== 0) result.serverOutput = server.output().slice(-OUTPUT_TAIL);
    return { targets: probe && probed ? [result, targetOf(probe.name, probed)] : [result], ...(extras ? { extras } : {}) };
  } catch (error) {
    rss.stop();
    await server.stop();
    throw new Error(`${target}: ${String(error)}\n--- server output ---\n${server.output()}`, { cause: error });
  }
}

function targetOf(target: string, load: LoadResult): TargetResult {
  const { requestsPerSec, p50Ms, p99Ms, errors, non2xx, statusCodes, requests } = load;
  return { target, requestsPerSec, p50Ms, p99Ms, errors, non2xx, requests, statusCodes };
}

/** Like Promise.all, but waits for both load processes to end before failing. */
async function bothOrThrow<T>(main: Promise<T>, beside: Promise<T> | undefined): Promise<[T, T | undefined]> {
  const [first, second] = await Promise.allSettled([main, beside]);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value];
}

async function measurePgbench(sql: string, url: string, options: MeasureOptions): Promise<TargetResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kabinet-bench-sql-'));
  try {
    const sqlFile = path.join(dir, 'script.sql');
    writeFileSync(sqlFile, sql);
    const result = await runPgbench(sqlFile, { url, connections: options.connections, durationSec: options.durationSec });
    return { target: 'pgbench', requestsPerSec: result.tps, p50Ms: result.p50Ms, p99Ms: result.p99Ms, errors: result.failed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bare route answers GETs only: it stands for our HTTP overhead, not for any work. */
function bareFastifyPaths(scenario: string, requests: BenchRequest[]): string[] {
  const notGet = requests.find((request) => request.method !== 'GET');
  if (notGet) throw new Error(`${scenario}: the bare-fastify reference serves GET only, not ${notGet.method} ${notGet.path}`);
  return [...new Set(requests.map((request) => request.path))];
}
