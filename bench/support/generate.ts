import path from 'node:path';
import type { Scale } from '../generate/generator.ts';
import { spawnChild, stopChild } from './process.ts';
import { appEnvironment, ROOT, type AppStorage } from './servers.ts';

/** Generating a million customers on PGlite takes a while; ten thousand take seconds. */
const STEP_TIMEOUT_MS = 15 * 60_000;
const SEED = 1;

/**
 * The step before the app starts, on the storage it will use (PGlite lets one process at a time
 * open a data directory, so this runs to its end first): `kabinet migrate`, then
 * `bench/generate/index.ts` at `scale`, whose generators write their files (session tokens…) to `outDir`.
 */
export async function generateData(storage: AppStorage, scale: Scale, outDir: string): Promise<void> {
  const env = appEnvironment(storage);
  await step('kabinet migrate', [path.join(ROOT, 'src/main.ts'), 'migrate'], env);
  const generator = [path.join(ROOT, 'bench/generate/index.ts'), '--customers', String(scale.customers), '--seed', String(SEED), '--out', outDir];
  const output = await step('generator', generator, env);
  console.log(output.trimEnd().replace(/^/gm, '  '));
}

async function step(what: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawnChild(process.execPath, args, { env, cwd: ROOT });
  const timer = setTimeout(() => void stopChild(child, 5000), STEP_TIMEOUT_MS);
  const exit = await child.exited();
  clearTimeout(timer);
  if (exit.code !== 0) throw new Error(`${what} failed (${exit.signal ?? `exit ${exit.code}`}):\n${child.output()}`);
  return child.output();
}
