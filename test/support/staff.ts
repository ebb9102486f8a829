import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate, generateSecret } from 'otplib';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../../src/modules/identity/password.ts';
import type { StaffRole } from '../../src/modules/identity/tables.ts';
import { insertUser } from '../../src/modules/identity/users.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { loginAs, ORIGIN, sessionCookie } from './identity.ts';

export interface SignedInStaff {
  cookie: string;
  userId: string;
  email: string;
  password: string;
  totpSecret: string;
}

let counter = 0;

/**
 * Retries a request refused with 503 while the event loop is overloaded (under-pressure samples
 * the delay once a second; a freshly loaded embedded database on a busy machine trips it).
 */
export async function settled(request: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
  for (let attempt = 1; ; attempt++) {
    const response = await request();
    if (response.statusCode !== 503 || attempt === 5) return response;
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers['retry-after'] ?? 1)));
  }
}

/** Completes a sign-in that stopped at the second factor with a fresh TOTP code. */
export async function passSecondFactor(app: FastifyInstance, pendingCookie: string, totpSecret: string): Promise<string> {
  const code = await generate({ secret: totpSecret });
  const response = await settled(() =>
    app.inject({ method: 'POST', url: '/api/v1/identity/login/second-factor', headers: { origin: ORIGIN, cookie: pendingCookie }, payload: { code } }),
  );
  if (response.statusCode !== 200) throw new Error(`second factor failed: ${response.body}`);
  return sessionCookie(response);
}

/** Turns TOTP on straight in the database, as if the person had enrolled. */
export async function enableTotp(db: Db, userId: string): Promise<string> {
  const secret = generateSecret();
  await db.updateTable('identity_user').set({ totp_secret: secret, totp_enabled_at: new Date() }).where('id', '=', userId).execute();
  return secret;
}

/** A new staff member of `role` with TOTP on, signed in through the API (password, then TOTP). */
export async function signInStaff(app: FastifyInstance, db: Db, role: StaffRole, overrides: { email?: string; name?: string } = {}): Promise<SignedInStaff> {
  counter++;
  const email = overrides.email ?? `staff${counter}-${Date.now()}@provider.example.ru`;
  const password = 'служебный пароль сотрудника';
  const userId = uuidv7();
  await insertUser(db, { id: userId, kind: 'staff', staffRole: role, name: overrides.name ?? `Сотрудник ${counter}`, email, phone: null, passwordHash: await hashPassword(password), locale: 'ru', now: new Date() });
  const totpSecret = await enableTotp(db, userId);
  const login = await settled(() => loginAs(app, email, password));
  if (login.statusCode !== 200 || login.json().status !== 'second_factor_required') throw new Error(`staff login failed: ${login.body}`);
  const cookie = await passSecondFactor(app, sessionCookie(login), totpSecret);
  return { cookie, userId, email, password, totpSecret };
}
