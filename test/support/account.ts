import type { FastifyInstance, InjectOptions } from 'fastify';
import { generate } from 'otplib';
import type { Db } from '../../src/platform/db/database.ts';
import { ORIGIN, sessionCookie } from './identity.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A caller of /api/v1 with one session cookie (or none). */
export function client(app: FastifyInstance, cookie?: string) {
  return (method: Method, url: string, payload?: object) => {
    const options: InjectOptions = { method, url: `/api/v1${url}`, headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}) } };
    if (payload !== undefined) options.payload = payload;
    return app.inject(options);
  };
}

/** Makes every session of the user look signed in 20 minutes ago (older than a fresh login). */
export async function makeStale(db: Db, userId: string): Promise<void> {
  await db.updateTable('identity_session').set({ authenticated_at: new Date(Date.now() - 20 * 60 * 1000) }).where('user_id', '=', userId).execute();
}

export async function lastMail(db: Db, address: string) {
  return db.selectFrom('mail_message').select(['subject', 'text_body']).where('to_address', '=', address.toLowerCase()).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}

/** Signs in with a password and, when asked, the second factor; returns the session cookie. */
export async function signIn(app: FastifyInstance, login: string, password: string, code?: string): Promise<string> {
  const first = await client(app)('POST', '/identity/login', { login, password });
  if (first.statusCode !== 200) throw new Error(`login failed: ${first.body}`);
  const cookie = sessionCookie(first);
  if (first.json().status === 'signed_in') return cookie;
  if (!code) throw new Error('second factor required');
  const second = await client(app, cookie)('POST', '/identity/login/second-factor', { code });
  if (second.statusCode !== 200) throw new Error(`second factor failed: ${second.body}`);
  return sessionCookie(second);
}

/** Turns on TOTP through the API; returns the secret, the backup codes and the step the enabling code used. */
export async function enrollTotp(app: FastifyInstance, cookie: string) {
  const call = client(app, cookie);
  const setup = await call('POST', '/account/two-factor/setup');
  if (setup.statusCode !== 200) throw new Error(`setup failed: ${setup.body}`);
  const { secret } = setup.json() as { secret: string };
  const code = await generate({ secret });
  const enabled = await call('POST', '/account/two-factor/enable', { code });
  if (enabled.statusCode !== 200) throw new Error(`enable failed: ${enabled.body}`);
  return { secret, code, backupCodes: enabled.json().backupCodes as string[], step: Math.floor(Date.now() / 30_000) };
}

/** A TOTP code for the step after `step`: accepted (one step of drift) and not a replay. */
export function nextCode(secret: string, step: number): Promise<string> {
  return generate({ secret, epoch: (step + 1) * 30 });
}
