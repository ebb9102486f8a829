import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runPgbench } from './postgres.ts';
import { sampleRss } from './rss.ts';
import { runLoad } from './run-load.ts';
import type { BenchRequest, Scenario } from './scenario.ts';
import { startApp, startBareFastify, type ServerProcess } from './servers.ts';

const OUTPUT_TAIL = 4096;

export interface MeasureOptions {
  connections: number;
  durationSec: number;
  warmupSec: number;
  maxRequests: number;
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
  /** The scenario's figures over the reference's: throughput (higher is better) and p99 latency. */
  ratio?: { reference: string; throughput: number; p99: number };
  note?: string;
}

export async function measureScenario(scenario: Scenario, options: MeasureOptions, database: BenchDatabase): Promise<ScenarioResult> {
  const databaseUrl = database.kind === 'postgres' ? await database.databaseFor(scenario.name) : undefined;
  const app = await measureServer(scenario.name, await startApp({ databaseUrl }), scenario.requests, options);
  const result: ScenarioResult = { name: scenario.name, description: scenario.description, database: database.kind, targets: [app] };
  let reference: TargetResult;
  if (scenario.reference === 'bare-fastify') {
    const paths = bareFastifyPaths(scenario);
    reference = await measureServer('bare-fastify', await startBareFastify(paths), scenario.requests, options);
  } else if (databaseUrl === undefined) {
    result.note = 'embedded database (PGlite): no pgbench reference, absolute figures only; --database=postgres measures the ratio';
    return result;
  } else {
    // After the app has run, so its migrations have created the tables the SQL reads.
    reference = await measurePgbench(scenario.reference.pgbenchSql, databaseUrl, options);
  }
  result.targets.push(reference);
  result.ratio = {
    reference: reference.target,
    throughput: app.requestsPerSec / reference.requestsPerSec,
    p99: app.p99Ms / reference.p99Ms,
  };
  return result;
}

async function measureServer(target: string, server: ServerProcess, requests: BenchRequest[], options: MeasureOptions): Promise<TargetResult> {
  const rss = sampleRss(server.pid);
  try {
    const load = await runLoad({ url: server.url, requests, ...options });
    const peakRssMb = rss.stop() / (1024 * 1024);
    const exit = await server.stop();
    const exitCode = exit.signal ?? exit.code;
    const result: TargetResult = { target, requestsPerSec: load.requestsPerSec, p50Ms: load.p50Ms, p99Ms: load.p99Ms, errors: load.errors, non2xx: load.non2xx, peakRssMb, exitCode };
    if (exitCode !== 0) result.serverOutput = server.output().slice(-OUTPUT_TAIL);
    return result;
  } catch (error) {
    rss.stop();
    await server.stop();
    throw new Error(`${target}: ${String(error)}\n--- server output ---\n${server.output()}`, { cause: error });
  }
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
function bareFastifyPaths(scenario: Scenario): string[] {
  const notGet = scenario.requests.find((request) => request.method !== 'GET');
  if (notGet) throw new Error(`${scenario.name}: the bare-fastify reference serves GET only, not ${notGet.method} ${notGet.path}`);
  return [...new Set(scenario.requests.map((request) => request.path))];
}
