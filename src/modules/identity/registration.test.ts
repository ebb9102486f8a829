import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { lastCode, loginAs, ORIGIN, registerCustomer, sessionCookie } from '../../../test/support/identity.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers: { origin: ORIGIN, ...headers } });

describe('startRegistration', () => {
  it('registers a person: code by email, confirmed, signed in, consents recorded', async () => {
    const user = await registerCustomer(t.app, t.database.db, { email: 'Olga.Smirnova@Example.ru' });
    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie: user.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'Olga.Smirnova@Example.ru', kind: 'customer', totpEnabled: false });
    const consents = await t.database.db.selectFrom('identity_consent').select(['document', 'version']).where('user_id', '=', user.userId).execute();
    expect(consents.map((c) => c.document).sort()).toEqual(['personal_data', 'terms']);
  });

  it('creates nothing before the email is confirmed', async () => {
    const response = await post('/api/v1/identity/registrations', { name: 'Анна', email: 'pending@example.ru', password: 'длинный пароль 1', acceptTerms: true, acceptPersonalData: true });
    expect(response.statusCode).toBe(202);
    expect(response.cookies).toEqual([]);
    const users = await t.database.db.selectFrom('identity_user').select('id').where('email_normalized', '=', 'pending@example.ru').execute();
    expect(users).toEqual([]);
  });

  it('answers the same for a taken address, and tells the owner instead of sending a code', async () => {
    const owner = await registerCustomer(t.app, t.database.db, { email: 'taken@example.ru' });
    const body = { name: 'Чужой', email: 'TAKEN@example.ru', password: 'другой пароль 2', acceptTerms: true, acceptPersonalData: true };
    const fresh = await post('/api/v1/identity/registrations', { ...body, email: 'free@example.ru' });
    const taken = await post('/api/v1/identity/registrations', body);
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(Object.keys(taken.json())).toEqual(Object.keys(fresh.json()));
    expect(taken.cookies).toEqual(fresh.cookies);
    const notice = await t.database.db.selectFrom('mail_message').select(['subject', 'text_body']).where('to_address', '=', 'taken@example.ru').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(notice.subject).toBe('Попытка регистрации с вашим адресом');
    expect(notice.text_body).not.toMatch(/\b\d{6}\b/);
    // The owner's password still works.
    expect((await loginAs(t.app, owner.email, owner.password)).statusCode).toBe(200);
  });

  it('does not let someone who pre-registered an address keep the account its owner confirms', async () => {
    const attacker = await post('/api/v1/identity/registrations', { name: 'Захватчик', email: 'victim@example.ru', password: 'пароль атакующего', acceptTerms: true, acceptPersonalData: true });
    expect(attacker.statusCode).toBe(202);
    const owner = await registerCustomer(t.app, t.database.db, { email: 'victim@example.ru', password: 'пароль владельца' });
    // The attacker's flow was superseded: its code (never seen) and any guess are useless.
    const attackerConfirm = await post(`/api/v1/identity/registrations/${attacker.json().flowId}/confirm`, { code: '000000' });
    expect(attackerConfirm.statusCode).toBe(410);
    expect((await loginAs(t.app, 'victim@example.ru', 'пароль атакующего')).statusCode).toBe(401);
    expect((await loginAs(t.app, owner.email, 'пароль владельца')).statusCode).toBe(200);
  });

  it.each([
    ['short', 'корот7', 'password_too_short'],
    ['common', 'qwerty123', 'password_too_common'],
    ['common in Russian', 'йцукен123', 'password_too_common'],
  ])('refuses a %s password with a field message', async (_label, password, code) => {
    const response = await post('/api/v1/identity/registrations', { name: 'Анна', email: 'weak@example.ru', password, acceptTerms: true, acceptPersonalData: true });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'password', code })]);
  });

  it('accepts a 64+ character passphrase and checks it whole (no truncation)', async () => {
    const long = 'мой очень длинный пароль из нескольких слов, который легко запомнить и трудно подобрать!';
    expect(long.length).toBeGreaterThan(64);
    const user = await registerCustomer(t.app, t.database.db, { password: long });
    expect((await loginAs(t.app, user.email, long)).statusCode).toBe(200);
    expect((await loginAs(t.app, user.email, long.slice(0, 72))).statusCode).toBe(401);
  });

  it('requires both consents', async () => {
    const response = await post('/api/v1/identity/registrations', { name: 'Анна', email: 'noconsent@example.ru', password: 'хороший пароль', acceptTerms: true, acceptPersonalData: false });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('acceptPersonalData');
  });
});

describe('confirmRegistration', () => {
  async function start(email: string) {
    const response = await post('/api/v1/identity/registrations', { name: 'Пётр', email, password: 'хороший пароль 3', acceptTerms: true, acceptPersonalData: true });
    return response.json().flowId as string;
  }

  it('kills the code after 5 wrong tries, even the right one after that', async () => {
    const flowId = await start('tries@example.ru');
    const code = await lastCode(t.database.db, 'tries@example.ru');
    const wrong = code === '111111' ? '222222' : '111111';
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await post(`/api/v1/identity/registrations/${flowId}/confirm`, { code: wrong });
      expect(response.statusCode).toBe(attempt < 5 ? 400 : 400);
      expect(response.json().attemptsLeft).toBe(5 - attempt);
    }
    const right = await post(`/api/v1/identity/registrations/${flowId}/confirm`, { code });
    expect(right.statusCode).toBe(410);
  });

  it('accepts a code once', async () => {
    const flowId = await start('once@example.ru');
    const code = await lastCode(t.database.db, 'once@example.ru');
    const first = await post(`/api/v1/identity/registrations/${flowId}/confirm`, { code });
    expect(first.statusCode).toBe(200);
    expect(sessionCookie(first)).toMatch(/^kabinet_session=/);
    expect((await post(`/api/v1/identity/registrations/${flowId}/confirm`, { code })).statusCode).toBe(410);
  });

  it('refuses a resend within 60 seconds', async () => {
    const flowId = await start('resend@example.ru');
    const response = await post(`/api/v1/identity/registrations/${flowId}/resend`, {});
    expect(response.statusCode).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(50);
  });

  it('stores codes hashed, never in clear', async () => {
    const flowId = await start('hashed@example.ru');
    const code = await lastCode(t.database.db, 'hashed@example.ru');
    const row = await t.database.db.selectFrom('identity_flow').select(['code_hash', 'payload']).where('id', '=', flowId).executeTakeFirstOrThrow();
    expect(Buffer.from(row.code_hash!).toString('hex')).not.toContain(code);
    expect(JSON.stringify(row.payload)).not.toContain(code);
    expect(JSON.stringify(row.payload)).not.toContain('хороший пароль 3');
  });
});

describe('code sending caps', () => {
  it('sends at most 10 codes a day to one address, whatever the flow', async () => {
    const email = 'capped@example.ru';
    const body = { name: 'Анна', email, password: 'хороший пароль 4', acceptTerms: true, acceptPersonalData: true };
    for (let i = 0; i < 5; i++) expect((await post('/api/v1/identity/registrations', body)).statusCode).toBe(202);
    for (let i = 0; i < 5; i++) expect((await post('/api/v1/identity/recovery', { login: email })).statusCode).toBe(202);
    const capped = await post('/api/v1/identity/registrations', body);
    expect(capped.statusCode).toBe(429);
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(0);
  });
});
