import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './process.ts';

const exec = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';
/** The OS user that owns the throwaway cluster; the server refuses to run as root. */
const CLUSTER_OWNER = 'postgres';

/** Debian's server binaries: BENCH_PG_BIN, else the newest /usr/lib/postgresql/<major>/bin. */
function pgBin(program: string): string {
  const configured = process.env.BENCH_PG_BIN;
  if (configured) return path.join(configured, program);
  const majors = readdirSync(PG_ROOT).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  if (majors[0] === undefined) throw new Error(`no PostgreSQL under ${PG_ROOT}; set BENCH_PG_BIN`);
  return path.join(PG_ROOT, majors[0], 'bin', program);
}

/** Runs a server binary as the cluster owner (through runuser when we are root). */
async function runAsOwner(program: string, args: string[]): Promise<void> {
  const command = process.getuid?.() === 0 ? ['runuser', '-u', CLUSTER_OWNER, '--', pgBin(program), ...args] : [pgBin(program), ...args];
  const [file, ...rest] = command as [string, ...string[]];
  await exec(file, rest, { cwd: '/' });
}

/** A PostgreSQL cluster in a temp directory with its own port and socket directory. */
export interface ThrowawayPostgres {
  /** Creates an empty database and returns its URL (unix socket). */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kabinet-bench-pg-'));
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  let running = false;
  const stop = async () => {
    try {
      if (running) await runAsOwner('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    } finally {
      running = false;
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    if (process.getuid?.() === 0) chownSync(dir, ownerId('-u'), ownerId('-g'));
    await runAsOwner('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // Unix socket only: nothing listens on TCP.
    const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=''`;
    await runAsOwner('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'postgres.log'), '-o', serverOptions, '-w', 'start']);
    running = true;
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    async createDatabase(name) {
      await exec(pgBin('createdb'), ['-h', dir, '-p', String(port), '-U', 'postgres', name]);
      return `postgresql://postgres@localhost/${name}?host=${encodeURIComponent(dir)}&port=${port}`;
    },
    stop,
  };
}

export interface PgbenchOptions {
  /** libpq URL of the database the script runs against. */
  url: string;
  connections: number;
  durationSec: number;
}

export interface PgbenchResult {
  tps: number;
  transactions: number;
  failed: number;
  latencyAvgMs: number;
  p50Ms: number;
  p99Ms: number;
}

/** Beyond the duration: connecting and writing the logs. */
const SLACK_MS = 30_000;

/**
 * pgbench running `sqlFile` (`-f`), persistent connections, one client thread like autocannon.
 * Percentiles come from the per-transaction log (`--log`), which pgbench's summary lacks.
 */
/** Runs psql against `url` with ON_ERROR_STOP; answers its standard output. */
export async function runPsql(url: string, args: string[], timeoutMs = 600_000): Promise<string> {
  const { stdout } = await exec(pgBin('psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, ...args], { cwd: '/', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export async function runPgbench(sqlFile: string, options: PgbenchOptions): Promise<PgbenchResult> {
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'kabinet-bench-pgbench-'));
  try {
    const args = ['-n', '-f', sqlFile, '-c', String(options.connections), '-j', '1', '-T', String(options.durationSec)];
    args.push('--log', `--log-prefix=${path.join(logDir, 'tx')}`, options.url);
    const { stdout } = await exec(pgBin('pgbench'), args, { cwd: logDir, timeout: options.durationSec * 1000 + SLACK_MS });
    const latenciesUs = readLatencies(logDir);
    return {
      tps: summaryNumber(stdout, /^tps = ([\d.]+)/m),
      transactions: summaryNumber(stdout, /^number of transactions actually processed: (\d+)/m),
      failed: summaryNumber(stdout, /^number of failed transactions: (\d+)/m),
      latencyAvgMs: summaryNumber(stdout, /^latency average = ([\d.]+) ms/m),
      p50Ms: percentile(latenciesUs, 0.5) / 1000,
      p99Ms: percentile(latenciesUs, 0.99) / 1000,
    };
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
}

function summaryNumber(stdout: string, pattern: RegExp): number {
  const match = pattern.exec(stdout);
  if (match?.[1] === undefined) throw new Error(`pgbench output lacks ${pattern}:\n${stdout}`);
  return Number(match[1]);
}

/** Log lines: `client_id transaction_no time_us script_no epoch_s epoch_us`; failed ones are not numbers. */
function readLatencies(logDir: string): Float64Array {
  const values: number[] = [];
  for (const file of readdirSync(logDir)) {
    for (const line of readFileSync(path.join(logDir, file), 'utf8').split('\n')) {
      const latency = Number(line.split(' ')[2]);
      if (Number.isFinite(latency)) values.push(latency);
    }
  }
  return Float64Array.from(values).sort();
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

function ownerId(flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, CLUSTER_OWNER], { encoding: 'utf8' }).trim());
}
