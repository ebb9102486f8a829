import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export interface ThrottleTables {
  throttle_counter: {
    key: string;
    window_start: Date;
    hits: number;
  };
}

export interface Limit {
  /** Most hits allowed inside one window. */
  max: number;
  windowSeconds: number;
}

/**
 * Fixed-window counters kept in the database, so every process sees the same count. `hit` adds one
 * and says how long the caller must wait when the window is already full.
 */
export interface ThrottleState {
  allowed: boolean;
  /** Hits counted in the current window, this one included. */
  hits: number;
  retryAfterSeconds: number;
}

export async function hit(db: Db, key: string, limit: Limit, now: Date): Promise<ThrottleState> {
  const windowStart = windowStartOf(now, limit);
  const row = await db
    .insertInto('throttle_counter')
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql`case when throttle_counter.window_start = excluded.window_start then throttle_counter.hits + 1 else 1 end`,
        window_start: sql`excluded.window_start`,
      }),
    )
    .returning(['hits'])
    .executeTakeFirstOrThrow();
  return verdict(row.hits, limit, windowStart, now);
}

/** Whether one more hit would be allowed on every one of these counters; one query for all. */
export async function peekAll(db: Db, counters: ReadonlyArray<readonly [string, Limit]>, now: Date): Promise<ThrottleState> {
  const rows = await db.selectFrom('throttle_counter').select(['key', 'hits', 'window_start']).where('key', 'in', counters.map(([key]) => key)).execute();
  let worst: ThrottleState = { allowed: true, hits: 0, retryAfterSeconds: 0 };
  for (const [key, limit] of counters) {
    const windowStart = windowStartOf(now, limit);
    const row = rows.find((candidate) => candidate.key === key);
    const hits = row && row.window_start.getTime() === windowStart.getTime() ? row.hits : 0;
    const state = verdict(hits + 1, limit, windowStart, now);
    if (!state.allowed && state.retryAfterSeconds > worst.retryAfterSeconds) worst = state;
  }
  return worst;
}

function windowStartOf(now: Date, limit: Limit): Date {
  return new Date(Math.floor(now.getTime() / (limit.windowSeconds * 1000)) * limit.windowSeconds * 1000);
}

export async function reset(db: Db, key: string): Promise<void> {
  await db.deleteFrom('throttle_counter').where('key', '=', key).execute();
}

function verdict(hits: number, limit: Limit, windowStart: Date, now: Date): ThrottleState {
  if (hits <= limit.max) return { allowed: true, hits, retryAfterSeconds: 0 };
  const windowEnd = windowStart.getTime() + limit.windowSeconds * 1000;
  return { allowed: false, hits, retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)) };
}

/** The client address a limit is counted against: IPv6 clients by their /64 network. */
export function clientKey(ip: string): string {
  if (!ip.includes(':') || ip.startsWith('::ffff:')) return ip.replace(/^::ffff:/, '');
  const groups = expandIpv6(ip);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

function expandIpv6(ip: string): string[] {
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = ip.includes('::') ? 8 - left.length - right.length : 0;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}

/** Counters whose window ended long ago count for nothing; a scheduled job removes them. */
export async function deleteStaleCounters(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('throttle_counter').where('window_start', '<', new Date(now.getTime() - 2 * 24 * 3600 * 1000)).executeTakeFirst();
  return Number(result.numDeletedRows);
}
