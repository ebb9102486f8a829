import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, spawnChild, stopChild, waitForOk, type Child, type Exit } from './process.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A fresh PGlite directory migrates at start: on a busy shared machine that alone can take a minute. */
const READY_TIMEOUT_MS = 180_000;
/** Longer than the app's own shutdown timeout (10 s by default). */
const STOP_GRACE_MS = 20_000;

/** A server under measurement, in its own process on 127.0.0.1. */
export interface ServerProcess {
  url: string;
  pid: number;
  output(): string;
  /** SIGTERM; resolves to how it ended (SIGKILL after a grace period if it would not). */
  stop(): Promise<Exit>;
}

/** Where the app keeps its data: PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir`. */
export interface AppStorage {
  databaseUrl?: string;
  dataDir: string;
}

/**
 * The environment `kabinet start` (and `kabinet migrate`, and the generator) get: the caller's,
 * with the storage, the port and PUBLIC_URL (the origin the load client sends on POSTs) ours.
 */
export function appEnvironment(storage: AppStorage, extra: Record<string, string> = {}, port?: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KABINET_DATA_DIR: storage.dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.TRUSTED_PROXIES;
  if (storage.databaseUrl !== undefined) env.DATABASE_URL = storage.databaseUrl;
  if (port !== undefined) Object.assign(env, { PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}` });
  return { ...env, ...extra };
}

/**
 * `kabinet start` as an operator runs it, on `storage` (a fresh data directory of its own, removed
 * after, when none is given); `env` adds to its environment.
 */
export async function startApp(options: { storage?: AppStorage; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const ownDataDir = options.storage === undefined ? mkdtempSync(path.join(os.tmpdir(), 'kabinet-bench-data-')) : undefined;
  const storage = options.storage ?? { dataDir: ownDataDir ?? '' };
  const env = appEnvironment(storage, options.env, port);
  const child = spawnChild(process.execPath, [path.join(ROOT, 'src/main.ts'), 'start'], { env, cwd: ROOT });
  const removeDataDir = () => {
    if (ownDataDir !== undefined) rmSync(ownDataDir, { recursive: true, force: true });
  };
  return started(child, `http://127.0.0.1:${port}`, '/readyz', removeDataDir);
}

/** bench/reference/bare-fastify.ts serving `paths`. */
export async function startBareFastify(paths: string[]): Promise<ServerProcess> {
  const port = await freePort();
  const script = path.join(ROOT, 'bench/reference/bare-fastify.ts');
  const child = spawnChild(process.execPath, [script, ...paths], { env: { ...process.env, PORT: String(port) }, cwd: ROOT });
  const [firstPath] = paths;
  if (firstPath === undefined) throw new Error('bare-fastify needs at least one path');
  return started(child, `http://127.0.0.1:${port}`, firstPath, () => {});
}

async function started(child: Child, url: string, readyPath: string, cleanup: () => void): Promise<ServerProcess> {
  const stop = async () => {
    try {
      return await stopChild(child, STOP_GRACE_MS);
    } finally {
      cleanup();
    }
  };
  try {
    await waitForOk(url + readyPath, child, READY_TIMEOUT_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid, output: child.output, stop };
}
