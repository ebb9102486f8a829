import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface KabinetProcess {
  child: ChildProcess;
  url: Promise<string>;
  output(): string;
  exited: Promise<number | null>;
}

/** Runs `kabinet <args>` as a real process with the given environment (on top of ours). */
export function runKabinet(args: string[], env: Record<string, string | undefined>): KabinetProcess {
  const child = spawn(process.execPath, [path.join(ROOT, 'src/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Kabinet is serving at (http:\/\/[^"\s]+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`kabinet exited with ${code} before serving:\n${output}`)));
  });
  url.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, output: () => output, exited };
}

/** Runs a command of `kabinet` (not the server) to its end; its exit code, its stdout, and stdout with stderr. */
export async function runKabinetCommand(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; output: string }> {
  const run = runKabinet(args, env);
  let stdout = '';
  run.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await run.exited;
  return { code, stdout, output: run.output() };
}
