import { availableParallelism } from 'node:os';
import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { BusyError, WeakPasswordError } from './errors.ts';

/** OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane. */
export const ARGON2_PARAMS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const ARGON2ID = 2 as Algorithm;
const OPTIONS: Options = { ...ARGON2_PARAMS, algorithm: ARGON2ID };

export const PASSWORD_MIN = 8;
/** Long passphrases are welcome; the cap only bounds the work one request can cause. */
export const PASSWORD_MAX = 256;

const RUSSIAN_COMMON = ['йцукен', 'йцукен123', 'пароль', 'пароль123', 'привет', 'привет123', 'любовь', 'qwerty123456', 'qwertyuiop'];
const COMMON = new Set<string>([...(dictionary['passwords-common'] as string[]), ...RUSSIAN_COMMON]);

/** Length and the list of most common passwords; no composition rules, no truncation (NIST 800-63B). */
export function checkPasswordPolicy(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN) throw new WeakPasswordError('too_short');
  if (length > PASSWORD_MAX) throw new WeakPasswordError('too_long');
  if (COMMON.has(password.toLowerCase())) throw new WeakPasswordError('too_common');
}

/**
 * At most this many hashes run at once — one core is always left to the event loop, so health
 * checks and signed-in pages keep answering — and this many wait; beyond that a request is refused
 * with 503 rather than letting a login flood take every core and megabyte.
 */
const MAX_RUNNING = Math.max(1, availableParallelism() - 1);
const MAX_WAITING = 64;
let running = 0;
const waiting: Array<() => void> = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running < MAX_RUNNING) {
    running++;
  } else {
    if (waiting.length >= MAX_WAITING) throw new BusyError();
    // The finishing hash hands its slot straight over, so `running` never overshoots.
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Refuses at once, before any other work, when a hash could not even wait for its turn. */
export function assertHashCapacity(): void {
  if (running >= MAX_RUNNING && waiting.length >= MAX_WAITING) throw new BusyError();
}

export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password, OPTIONS));
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return limited(() => verify(passwordHash, password));
}

/** A hash made with weaker (older) parameters is replaced at the next successful login. */
export function needsRehash(passwordHash: string): boolean {
  const current = parseOptions(passwordHash);
  return (
    current.algorithm !== ARGON2ID ||
    current.memoryCost < ARGON2_PARAMS.memoryCost ||
    current.timeCost < ARGON2_PARAMS.timeCost ||
    current.parallelism !== ARGON2_PARAMS.parallelism
  );
}

/** Verified against when the login names nobody, so an unknown login costs the same time. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hash('decoy password that matches nothing', OPTIONS);
  return decoyHash;
}
