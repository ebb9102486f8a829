import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../../src/modules/identity/password.ts';
import { insertUser } from '../../src/modules/identity/users.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { client } from './account.ts';
import { loginAs, sessionCookie, type Registered } from './identity.ts';
import { addMember, createCustomer } from './parties.ts';
import { validInn10 } from './tax-ids.ts';

export interface Company {
  id: string;
  inn: string;
  name: string;
  head: Registered;
}

let counter = 0;
const PASSWORD = 'пароль сотрудника компании';
let passwordHash: Promise<string> | undefined;

/**
 * A customer written straight to the database and signed in through the API: these tests need more
 * people than registration's per-address limit lets one test file register.
 */
export async function registerCustomer(app: FastifyInstance, db: Db, options: { name?: string } = {}): Promise<Registered> {
  counter++;
  const userId = uuidv7();
  const email = `member${counter}-${Date.now()}@example.ru`;
  passwordHash ??= hashPassword(PASSWORD);
  await insertUser(db, { id: userId, kind: 'customer', staffRole: null, name: options.name ?? `Сотрудник ${counter}`, email, phone: null, passwordHash: await passwordHash, locale: 'ru', now: new Date() });
  const login = await loginAs(app, email, PASSWORD);
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  return { cookie: sessionCookie(login), userId, email, password: PASSWORD };
}

/** An active company with a registered head, written straight to the database. */
export async function companyWithHead(app: FastifyInstance, db: Db, options: { status?: 'active' | 'pending' } = {}): Promise<Company> {
  const inn = validInn10();
  const name = `ООО «Сотрудники ${++counter}»`;
  const id = await createCustomer(db, { inn, name, status: options.status ?? 'active' });
  const head = await registerCustomer(app, db, { name: `Руководитель ${counter}` });
  await addMember(db, id, head.userId, { role: 'head' });
  return { id, inn, name, head };
}

/** A new person who files a join request to the company through the API; returns them and the request id. */
export async function applicantOf(app: FastifyInstance, db: Db, company: Pick<Company, 'inn'>, name = 'Пётр Сотрудников'): Promise<Registered & { requestId: string }> {
  const applicant = await registerCustomer(app, db, { name });
  const filed = await client(app, applicant.cookie)('POST', '/join-requests', { inn: company.inn });
  if (filed.statusCode !== 201) throw new Error(`join request failed: ${filed.body}`);
  return { ...applicant, requestId: filed.json().id };
}

/** A member added straight to the database (active unless told otherwise). */
export async function memberOf(app: FastifyInstance, db: Db, company: Pick<Company, 'id'>, role: 'administrator' | 'accountant' | 'employee' = 'employee'): Promise<Registered> {
  const member = await registerCustomer(app, db, { name: `Сотрудник ${++counter}` });
  await addMember(db, company.id, member.userId, { role });
  return member;
}
