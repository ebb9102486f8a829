import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runKabinet } from './support/process.ts';

// Each test starts real processes; a first start on a fresh directory runs initdb (several seconds).
vi.setConfig({ testTimeout: 120_000 });

const dirs: string[] = [];
function freshDataDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'kabinet-life-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** One request on its own connection: resolves with status and full body, or the socket error. */
function get(url: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request(url, { headers: { connection: 'close' } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', (error) => resolve({ error: `mid-response: ${error.message}` }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

/**
 * `get`, retried while the answer is the overload 503 (with Retry-After) a just-started process may
 * give on a busy machine, as a load balancer's readiness probe would: what these tests check is that
 * the data opens, not how fast the first request after start is.
 */
async function getWhenReady(url: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await get(url);
    if (!('status' in response) || response.status !== 503 || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('kabinet start', () => {
  it('finishes in-flight requests on SIGTERM, exits 0, and the next start opens the same data', async () => {
    const dataDir = freshDataDir();
    const first = runKabinet(['start'], { KABINET_DATA_DIR: dataDir });
    const url = await first.url;

    const results: Array<{ status: number; body: string } | { error: string }> = [];
    let stop = false;
    const load = Array.from({ length: 8 }, async () => {
      while (!stop) results.push(await get(`${url}/api/v1/settings/public`));
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    stop = true;
    await Promise.all(load);

    const answered = results.filter((r): r is { status: number; body: string } => 'status' in r);
    expect(answered.length).toBeGreaterThan(10);
    for (const response of answered) {
      if (response.status === 200) expect(JSON.parse(response.body).timeZone).toBe('Europe/Moscow');
      else expect(response.status).toBe(503);
    }
    // Connections the kernel queued but the process never accepted are refused or reset before any
    // byte of a response; what matters is that no response, once started, is cut.
    const errors = results.filter((r): r is { error: string } => 'error' in r).map((r) => r.error);
    expect(errors.filter((error) => error !== 'ECONNREFUSED' && error !== 'ECONNRESET')).toEqual([]);

    const second = runKabinet(['start'], { KABINET_DATA_DIR: dataDir });
    const again = await getWhenReady(`${await second.url}/readyz`);
    expect(again).toMatchObject({ status: 200 });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});

describe('embedded data directory', () => {
  const embedded = { DATABASE_URL: undefined };

  it('refuses a second process on the same data directory at once, with a clear message', async () => {
    const dataDir = freshDataDir();
    const owner = runKabinet(['start'], { ...embedded, KABINET_DATA_DIR: dataDir });
    await owner.url;
    const intruder = runKabinet(['start'], { ...embedded, KABINET_DATA_DIR: dataDir });
    expect(await intruder.exited).toBe(1);
    expect(intruder.output()).toContain(`The data directory ${dataDir} is already in use by process ${owner.child.pid}`);
    expect(await get(`${await owner.url}/readyz`)).toMatchObject({ status: 200 });
    owner.child.kill('SIGTERM');
    expect(await owner.exited).toBe(0);
  });

  it('reopens cleanly after the owning process was killed', async () => {
    const dataDir = freshDataDir();
    const killed = runKabinet(['start'], { ...embedded, KABINET_DATA_DIR: dataDir });
    await killed.url;
    killed.child.kill('SIGKILL');
    await killed.exited;

    const next = runKabinet(['start'], { ...embedded, KABINET_DATA_DIR: dataDir });
    expect(await getWhenReady(`${await next.url}/api/v1/settings/public`)).toMatchObject({ status: 200 });
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  });
});

describe('kabinet demo', () => {
  it('fills the demo provider that the cabinet then shows', async () => {
    const dataDir = freshDataDir();
    const demo = runKabinet(['demo'], { DATABASE_URL: undefined, KABINET_DATA_DIR: dataDir });
    expect(await demo.exited).toBe(0);
    const server = runKabinet(['start'], { DATABASE_URL: undefined, KABINET_DATA_DIR: dataDir });
    const response = await getWhenReady(`${await server.url}/api/v1/settings/public`);
    expect(response).toMatchObject({ status: 200 });
    expect(JSON.parse((response as { body: string }).body).name).toBe('ООО «Демосервис»');
    server.child.kill('SIGTERM');
    await server.exited;
  });

  it('explains each command with --help', async () => {
    for (const command of ['start', 'migrate', 'demo']) {
      const help = runKabinet([command, '--help'], {});
      expect(await help.exited).toBe(0);
      expect(help.output()).toContain(`Usage: kabinet ${command}`);
    }
  });
});
