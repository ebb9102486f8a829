import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';

/** A port nobody listens on right now, on the loopback interface. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no TCP address for the probe socket');
  return address.port;
}

/** A child process whose output is kept (the last 64 KiB) to explain a failure. */
export interface Child {
  process: ChildProcess;
  pid: number;
  output(): string;
  exited(): Promise<Exit>;
}

/** How a process ended: its exit code, or the signal that ended it. */
export type Exit = { code: number; signal: null } | { code: null; signal: NodeJS.Signals };

const KEEP_OUTPUT = 64 * 1024;

export function spawnChild(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string }): Child {
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEEP_OUTPUT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exit = new Promise<Exit>((resolve) =>
    child.once('close', (code, signal) => resolve(code === null ? { code, signal: signal ?? 'SIGKILL' } : { code, signal: null })),
  );
  return { process: child, pid: child.pid, output: () => output, exited: () => exit };
}

/** Polls `url` until it answers 200; fails early if the child dies, late after `timeoutMs`. */
export async function waitForOk(url: string, child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void child.exited().then(() => (dead = true));
  while (Date.now() < deadline) {
    if (dead) throw new Error(`process exited before ${url} answered:\n${child.output()}`);
    if ((await statusOf(url)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${child.output()}`);
}

/** One GET on a connection of its own, closed after, so no idle socket of ours delays a shutdown. */
function statusOf(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 1000 }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode));
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(undefined));
  });
}

/** SIGTERM, then how it ended; SIGKILL when the process outlives `graceMs`. */
export async function stopChild(child: Child, graceMs: number): Promise<Exit> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  const exit = await child.exited();
  clearTimeout(timer);
  return exit;
}
