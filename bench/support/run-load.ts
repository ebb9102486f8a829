import { fileURLToPath } from 'node:url';
import type { LoadResult, LoadSpec } from './load-spec.ts';
import { spawnChild } from './process.ts';

const LOAD_SCRIPT = fileURLToPath(new URL('../load.ts', import.meta.url));
/** Beyond warm-up and duration: connecting, the last in-flight requests, printing. */
const SLACK_MS = 30_000;

/** Runs bench/load.ts in its own process; kills it if it overruns its time. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const child = spawnChild(process.execPath, [LOAD_SCRIPT, JSON.stringify(spec)], {});
  let stdout = '';
  child.process.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const limitMs = (spec.warmupSec + spec.durationSec) * 1000 + SLACK_MS;
  const timer = setTimeout(() => child.process.kill('SIGKILL'), limitMs);
  const exit = await child.exited();
  clearTimeout(timer);
  if (exit.code !== 0) throw new Error(`load generator failed (${exit.signal ?? `exit ${exit.code}`}):\n${child.output()}`);
  const line = stdout.trim().split('\n').at(-1);
  if (line === undefined || line === '') throw new Error('load generator printed no result');
  return JSON.parse(line) as LoadResult;
}
