import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/platform/db/database.ts';

export const ORIGIN = 'http://127.0.0.1:3000';

/** The newest code sent to an address (mail or SMS), read from the message store. */
export async function lastCode(db: Db, rawAddress: string): Promise<string> {
  const address = rawAddress.includes('@') ? rawAddress.trim().toLowerCase() : rawAddress;
  const mail = await db.selectFrom('mail_message').select(['text_body', 'created_at']).where('to_address', '=', address).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  const sms = await db.selectFrom('sms_message').select(['text_body', 'created_at']).where('to_phone', '=', address).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  const newest = [mail, sms].filter((m) => m !== undefined).sort((a, b) => b.created_at.getTime() - a.created_at.getTime())[0];
  const code = newest && /\b(\d{6})\b/.exec(newest.text_body)?.[1];
  if (!code) throw new Error(`no code was sent to ${address}`);
  return code;
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'kabinet_session' || c.name === '__Host-kabinet_session');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return `${cookie.name}=${cookie.value}`;
}

export interface Registered {
  cookie: string;
  userId: string;
  email: string;
  password: string;
}

let counter = 0;

/** Registers and confirms a customer through the API; returns the signed-in session cookie. */
export async function registerCustomer(app: FastifyInstance, db: Db, overrides: { email?: string; password?: string; phone?: string; name?: string; origin?: string } = {}): Promise<Registered> {
  counter++;
  const email = overrides.email ?? `user${counter}-${Date.now()}@example.ru`;
  const password = overrides.password ?? 'лето на даче 2026';
  const started = await app.inject({
    method: 'POST',
    url: '/api/v1/identity/registrations',
    headers: { origin: overrides.origin ?? ORIGIN },
    payload: { name: overrides.name ?? 'Иван Петров', email, password, acceptTerms: true, acceptPersonalData: true, ...(overrides.phone ? { phone: overrides.phone } : {}) },
  });
  if (started.statusCode !== 202) throw new Error(`registration failed: ${started.body}`);
  const { flowId } = started.json();
  const confirmed = await app.inject({
    method: 'POST',
    url: `/api/v1/identity/registrations/${flowId}/confirm`,
    headers: { origin: overrides.origin ?? ORIGIN },
    payload: { code: await lastCode(db, email) },
  });
  if (confirmed.statusCode !== 200) throw new Error(`confirmation failed: ${confirmed.body}`);
  return { cookie: sessionCookie(confirmed), userId: confirmed.json().user.id, email, password };
}

export async function loginAs(app: FastifyInstance, login: string, password: string) {
  return app.inject({ method: 'POST', url: '/api/v1/identity/login', headers: { origin: ORIGIN }, payload: { login, password } });
}
