import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hash, type Algorithm } from '@node-rs/argon2';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { ARGON2_PARAMS } from '../../src/modules/identity/password.ts';
import { hashToken } from '../../src/modules/identity/sessions.ts';
import { normalizeEmail } from '../../src/modules/identity/users.ts';
import type { Generator } from './generator.ts';
import type { Random } from './random.ts';

/** Every generated customer's password: they all share one hash, computed once. */
export const CUSTOMER_PASSWORD = 'load-test-customer-password';
/** Generated users' emails end so; earlier generated users (an existing BENCH_DATABASE_URL) are found by it and replaced. */
export const CUSTOMER_EMAIL_DOMAIN = 'load.example';
/** In `--out`: the plaintext tokens of the first sessions, for the scenarios' cookies. */
export const SESSIONS_FILE = 'identity-sessions.json';
/** How many sessions' tokens go to SESSIONS_FILE: the first ones generated. */
export const TOKENS_KEPT = 100;
const BATCH = 1000;
/** Customer's absolute session lifetime (sessions.ts): the generated sessions are live for as long. */
const SESSION_SECONDS = 24 * 3600;
/** Sign-up times: one customer a minute from here on, so ids and dates follow the seed, not the clock. */
const FIRST_SIGN_UP = Date.UTC(2024, 0, 1);

export interface GeneratedSessions {
  password: string;
  /** base64url tokens of the first sessions, in generation order; each is a `kabinet_session` cookie value. */
  tokens: string[];
}

export function readGeneratedSessions(dir: string): GeneratedSessions {
  const sessions = JSON.parse(readFileSync(path.join(dir, SESSIONS_FILE), 'utf8')) as GeneratedSessions;
  if (sessions.tokens.length === 0) throw new Error(`no session tokens in ${path.join(dir, SESSIONS_FILE)}`);
  return sessions;
}

const MEN = ['Александр', 'Дмитрий', 'Сергей', 'Андрей', 'Алексей', 'Иван', 'Михаил', 'Николай'];
const WOMEN = ['Мария', 'Анна', 'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана'];
const SURNAMES = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Морозов', 'Волков', 'Лебедев'];

function personName(random: Random): string {
  const woman = random.next() < 0.5;
  return `${random.pick(SURNAMES)}${woman ? 'а' : ''} ${random.pick(woman ? WOMEN : MEN)}`;
}

export function bytes(random: Random, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => random.int(0, 255));
}

/**
 * Customers (`--customers` of them) with one live session each. Everything but the session times
 * follows the seed; those count from now, or the sessions would be expired. The tokens come from the
 * seeded generator too, so they are guessable by anyone with the seed: bench data only.
 */
export const identity: Generator = {
  module: 'identity',
  // Same seed, same emails and tokens: replace what an earlier run left in a database that is kept.
  async clear({ db }) {
    const earlier = db.selectFrom('identity_user').select('id').where('email_normalized', 'like', `%@${CUSTOMER_EMAIL_DOMAIN}`);
    await db.deleteFrom('identity_session').where('user_id', 'in', earlier).execute();
    await db.deleteFrom('identity_user').where('email_normalized', 'like', `%@${CUSTOMER_EMAIL_DOMAIN}`).execute();
  },
  async run({ db, random, scale, outDir }) {
    const passwordHash = await hash(CUSTOMER_PASSWORD, { ...ARGON2_PARAMS, algorithm: 2 as Algorithm, salt: bytes(random, 16) });
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_SECONDS * 1000);

    const tokens: string[] = [];
    for (let start = 0; start < scale.customers; start += BATCH) {
      const count = Math.min(BATCH, scale.customers - start);
      const users = [];
      const sessions = [];
      for (let index = start; index < start + count; index++) {
        const signedUp = new Date(FIRST_SIGN_UP + index * 60_000);
        const id = uuidv7({ msecs: signedUp.getTime(), random: bytes(random, 16) });
        const email = `customer${index + 1}@${CUSTOMER_EMAIL_DOMAIN}`;
        users.push({
          id,
          kind: 'customer' as const,
          staff_role: null,
          name: personName(random),
          email,
          email_normalized: normalizeEmail(email),
          // Four in five have a phone; unique by construction (the column is).
          phone: random.next() < 0.8 ? `+7900${String(index).padStart(7, '0')}` : null,
          password_hash: passwordHash,
          password_changed_at: signedUp,
          locale: random.next() < 0.9 ? ('ru' as const) : ('en' as const),
          created_at: signedUp,
          updated_at: signedUp,
        });
        const token = Buffer.from(bytes(random, 32)).toString('base64url');
        if (tokens.length < TOKENS_KEPT) tokens.push(token);
        sessions.push({
          id: uuidv4({ random: bytes(random, 16) }),
          user_id: id,
          token_hash: hashToken(token),
          state: 'active' as const,
          remember: false,
          created_at: now,
          authenticated_at: now,
          last_seen_at: now,
          expires_at: expiresAt,
          ip: null,
          user_agent: 'kabinet-bench generator',
        });
      }
      await db.insertInto('identity_user').values(users).execute();
      await db.insertInto('identity_session').values(sessions).execute();
    }

    const summary = `${scale.customers} customers, one live session each`;
    if (outDir === undefined) return `${summary} (no --out: session tokens not kept)`;
    const file = path.join(outDir, SESSIONS_FILE);
    writeFileSync(file, JSON.stringify({ password: CUSTOMER_PASSWORD, tokens } satisfies GeneratedSessions) + '\n');
    return `${summary}; tokens of the first ${tokens.length} in ${file}`;
  },
};
