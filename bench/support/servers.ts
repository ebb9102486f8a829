import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, spawnChild, stopChild, waitForOk, type Child, type Exit } from './process.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READY_TIMEOUT_MS = 60_000;
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

/**
 * `kabinet start` as an operator runs it. Embedded mode gets a fresh data directory, removed after;
 * `databaseUrl` points it at PostgreSQL instead.
 */
export async function startApp(options: { databaseUrl?: string }): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kabinet-bench-data-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', KABINET_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (options.databaseUrl !== undefined) env.DATABASE_URL = options.databaseUrl;
  const child = spawnChild(process.execPath, [path.join(ROOT, 'src/main.ts'), 'start'], { env, cwd: ROOT });
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
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
