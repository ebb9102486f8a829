import type { FastifyInstance } from 'fastify';
import { addYears, todayIn } from '../../src/modules/parties/family/dates.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { client } from './account.ts';

let counter = 0;

/** Today in the test app's default time zone, and a date `years` (and `days`) before it. */
export function yearsAgo(years: number, days = 0): string {
  const base = addYears(todayIn('Europe/Moscow', new Date()), -years);
  const date = new Date(`${base}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function uniqueName(prefix = 'Анна Иванова'): string {
  return `${prefix} ${++counter}`;
}

/** Adds a relative's profile through the API; returns its id. */
export async function addProfile(app: FastifyInstance, cookie: string, body: { name?: string; birthDate?: string; relation?: string } = {}): Promise<string> {
  const response = await client(app, cookie)('POST', '/family-profiles', {
    name: body.name ?? uniqueName(),
    birthDate: body.birthDate ?? yearsAgo(7),
    relation: body.relation ?? 'child',
  });
  if (response.statusCode !== 201) throw new Error(`adding a profile failed: ${response.body}`);
  return response.json().id;
}

/** A code issued by staff for the profile, as shown to them once. */
export async function issueCode(app: FastifyInstance, staffCookie: string, profileId: string): Promise<string> {
  const response = await client(app, staffCookie)('POST', `/backoffice/profiles/${profileId}/codes`);
  if (response.statusCode !== 201) throw new Error(`issuing a code failed: ${response.body}`);
  return response.json().code;
}

export async function redeem(app: FastifyInstance, cookie: string, code: string) {
  return client(app, cookie)('POST', '/profile-codes/redeem', { code });
}

/** A relative's profile added by the user and verified with a staff-issued code. */
export async function verifiedProfile(app: FastifyInstance, cookie: string, staffCookie: string, body: { name?: string; birthDate?: string; relation?: string } = {}): Promise<string> {
  const id = await addProfile(app, cookie, body);
  const response = await redeem(app, cookie, await issueCode(app, staffCookie, id));
  if (response.statusCode !== 200) throw new Error(`redeeming failed: ${response.body}`);
  return id;
}

/** Makes the profile's codes look issued long ago (expired) — the clock is not mocked. */
export async function expireCodes(db: Db, profileId: string): Promise<void> {
  await db.updateTable('party_profile_code').set({ expires_at: new Date(Date.now() - 1000) }).where('customer_id', '=', profileId).execute();
}
