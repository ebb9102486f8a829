import { hash } from '@node-rs/argon2';
import { generate, generateSecret } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { lastCode, loginAs, ORIGIN, registerCustomer, sessionCookie } from '../../../test/support/identity.ts';
import { clientKey } from '../../platform/throttle/throttle.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ TRUSTED_PROXIES: '10.0.0.1' });
});
afterAll(async () => t?.close());

const post = (url: string, payload: object, extra: { cookie?: string; remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  t.app.inject({
    method: 'POST',
    url,
    payload,
    remoteAddress: extra.remoteAddress,
    headers: { origin: ORIGIN, ...(extra.cookie ? { cookie: extra.cookie } : {}), ...extra.headers },
  });
const me = (cookie: string) => t.app.inject({ url: '/api/v1/me', headers: { cookie } });

async function median(times: number, run: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

describe('login', () => {
  it('signs in by email or by confirmed phone, with a fresh 256-bit token stored only hashed', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    await t.database.db.updateTable('identity_user').set({ phone: '+79161112233' }).where('id', '=', user.userId).execute();
    const byEmail = await loginAs(t.app, user.email.toUpperCase(), user.password);
    const byPhone = await loginAs(t.app, '8 (916) 111-22-33', user.password);
    expect(byEmail.statusCode).toBe(200);
    expect(byPhone.statusCode).toBe(200);
    const token = sessionCookie(byEmail).split('=')[1]!;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(sessionCookie(byEmail)).not.toBe(sessionCookie(byPhone));
    expect(sessionCookie(byEmail)).not.toBe(user.cookie);
    const stored = await t.database.db.selectFrom('identity_session').select('token_hash').where('user_id', '=', user.userId).execute();
    expect(stored.map((row) => Buffer.from(row.token_hash).toString('base64url'))).not.toContain(token);
    expect((await me(sessionCookie(byEmail))).statusCode).toBe(200);
  });

  it('sets the cookie HttpOnly and SameSite=Lax; Secure with the __Host- prefix over https', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const cookie = (await loginAs(t.app, user.email, user.password)).cookies[0]!;
    expect(cookie).toMatchObject({ name: 'kabinet_session', httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const secure = await createTestApp({ PUBLIC_URL: 'https://lk.example.ru' });
    try {
      const owner = await registerCustomer(secure.app, secure.database.db, { origin: 'https://lk.example.ru' });
      const response = await secure.app.inject({ method: 'POST', url: '/api/v1/identity/login', headers: { origin: 'https://lk.example.ru' }, payload: { login: owner.email, password: owner.password } });
      expect(response.cookies[0]).toMatchObject({ name: '__Host-kabinet_session', secure: true, httpOnly: true, path: '/' });
    } finally {
      await secure.close();
    }
  });

  it('answers an unknown login exactly like a wrong password, in similar time', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const unknown = await loginAs(t.app, 'nobody@example.ru', 'какой-то пароль');
    const wrong = await loginAs(t.app, user.email, 'какой-то пароль');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const { instance: _a, ...unknownBody } = unknown.json();
    const { instance: _b, ...wrongBody } = wrong.json();
    expect(unknownBody).toEqual(wrongBody);
    expect(unknown.cookies).toEqual([]);
    expect(wrong.cookies).toEqual([]);
    // Both verify one argon2id hash; without the decoy the unknown login would answer many times faster.
    const unknownTime = await median(5, () => loginAs(t.app, `ghost-${Math.random()}@example.ru`, 'какой-то пароль'));
    const wrongTime = await median(5, () => loginAs(t.app, user.email, `не тот пароль ${Math.random()}`));
    expect(unknownTime / wrongTime).toBeGreaterThan(0.33);
    expect(unknownTime / wrongTime).toBeLessThan(3);
  });

  it('locks a login for a while after 10 failures, known or not, with Retry-After', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    for (const login of [user.email, 'stranger@example.ru']) {
      for (let i = 0; i < 10; i++) expect((await loginAs(t.app, login, 'неверный пароль')).statusCode).toBe(401);
      const locked = await loginAs(t.app, login, login === user.email ? user.password : 'неверный пароль');
      expect(locked.statusCode).toBe(429);
      expect(locked.json().code).toBe('too_many_attempts');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    }
    const events = await t.database.db.selectFrom('audit_event').select('event').where('subject_id', '=', user.userId).execute();
    expect(events.map((e) => e.event)).toContain('login.locked');
  });

  it('limits failures per client address, counting an IPv6 client by its /64', async () => {
    for (let i = 0; i < 100; i++) {
      const response = await post('/api/v1/identity/login', { login: `spray${i}@example.ru`, password: 'неверный пароль' }, { remoteAddress: `2001:db8:1:2::${(i % 50) + 1}` });
      expect(response.statusCode).toBe(401);
    }
    const neighbour = await post('/api/v1/identity/login', { login: 'spray-next@example.ru', password: 'неверный пароль' }, { remoteAddress: '2001:db8:1:2:ffff::9' });
    expect(neighbour.statusCode).toBe(429);
    const otherNetwork = await post('/api/v1/identity/login', { login: 'spray-next@example.ru', password: 'неверный пароль' }, { remoteAddress: '2001:db8:1:3::1' });
    expect(otherNetwork.statusCode).toBe(401);
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    await post('/api/v1/identity/login', { login: user.email, password: 'неверный 1' }, { remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': '203.0.113.5' } });
    await post('/api/v1/identity/login', { login: user.email, password: 'неверный 2' }, { remoteAddress: '198.51.100.7', headers: { 'x-forwarded-for': '203.0.113.6' } });
    const failures = await t.database.db.selectFrom('audit_event').select(['ip', 'user_agent']).where('subject_id', '=', user.userId).where('event', '=', 'login.failed').orderBy('id').execute();
    expect(failures.map((f) => f.ip)).toEqual(['203.0.113.5', '198.51.100.7']);
  });

  it('stores argon2id with m=19456, t=2, p=1 and upgrades a weaker hash at the next login', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const row = await t.database.db.selectFrom('identity_user').select('password_hash').where('id', '=', user.userId).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const weak = await hash(user.password, { memoryCost: 4096, timeCost: 1, parallelism: 1, algorithm: 2 });
    await t.database.db.updateTable('identity_user').set({ password_hash: weak }).where('id', '=', user.userId).execute();
    expect((await loginAs(t.app, user.email, user.password)).statusCode).toBe(200);
    const upgraded = await t.database.db.selectFrom('identity_user').select('password_hash').where('id', '=', user.userId).executeTakeFirstOrThrow();
    expect(upgraded.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses a state-changing request from a foreign origin or a cross-site fetch', async () => {
    const foreign = await t.app.inject({ method: 'POST', url: '/api/v1/identity/login', headers: { origin: 'https://evil.example' }, payload: { login: 'a@b.ru', password: 'x' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('cross_origin_request');
    const crossSite = await t.app.inject({ method: 'POST', url: '/api/v1/identity/logout', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.statusCode).toBe(403);
  });

  it('refuses a blocked account after the right password, and its sessions stop at once', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    await t.database.db.updateTable('identity_user').set({ status: 'blocked' }).where('id', '=', user.userId).execute();
    expect((await me(user.cookie)).statusCode).toBe(401);
    const response = await loginAs(t.app, user.email, user.password);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('account_blocked');
  });
});

describe('sessions', () => {
  it('logout ends the session on the server: the old cookie no longer works', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    expect((await post('/api/v1/identity/logout', {}, { cookie: user.cookie })).statusCode).toBe(204);
    expect((await me(user.cookie)).statusCode).toBe(401);
  });

  it('expires after the idle timeout and after the absolute lifetime', async () => {
    const idle = await registerCustomer(t.app, t.database.db);
    await t.database.db.updateTable('identity_session').set({ last_seen_at: new Date(Date.now() - 3 * 3600 * 1000) }).where('user_id', '=', idle.userId).execute();
    expect((await me(idle.cookie)).statusCode).toBe(401);
    const old = await registerCustomer(t.app, t.database.db);
    await t.database.db.updateTable('identity_session').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', old.userId).execute();
    expect((await me(old.cookie)).statusCode).toBe(401);
  });
});

describe('completeSecondFactor', () => {
  async function withTotp() {
    const user = await registerCustomer(t.app, t.database.db);
    const secret = generateSecret();
    await t.database.db.updateTable('identity_user').set({ totp_secret: secret, totp_enabled_at: new Date() }).where('id', '=', user.userId).execute();
    return { ...user, secret };
  }

  it('asks for the code, then issues a new token; the half-signed-in cookie opens nothing', async () => {
    const user = await withTotp();
    const first = await loginAs(t.app, user.email, user.password);
    expect(first.json()).toEqual({ status: 'second_factor_required' });
    const pending = sessionCookie(first);
    expect((await me(pending)).statusCode).toBe(401);
    const second = await post('/api/v1/identity/login/second-factor', { code: await generate({ secret: user.secret }) }, { cookie: pending });
    expect(second.statusCode).toBe(200);
    expect(sessionCookie(second)).not.toBe(pending);
    expect((await me(sessionCookie(second))).statusCode).toBe(200);
    expect((await me(pending)).statusCode).toBe(401);
  });

  it('refuses a replayed TOTP code', async () => {
    const user = await withTotp();
    const code = await generate({ secret: user.secret });
    const once = await post('/api/v1/identity/login/second-factor', { code }, { cookie: sessionCookie(await loginAs(t.app, user.email, user.password)) });
    expect(once.statusCode).toBe(200);
    const replay = await post('/api/v1/identity/login/second-factor', { code }, { cookie: sessionCookie(await loginAs(t.app, user.email, user.password)) });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('invalid_code');
  });

  it('ends the pending session after 5 wrong codes', async () => {
    const user = await withTotp();
    const pending = sessionCookie(await loginAs(t.app, user.email, user.password));
    for (let i = 0; i < 5; i++) expect((await post('/api/v1/identity/login/second-factor', { code: '000000' }, { cookie: pending })).statusCode).toBe(400);
    expect((await post('/api/v1/identity/login/second-factor', { code: '000000' }, { cookie: pending })).statusCode).toBe(401);
  });
});

describe('recovery', () => {
  it('answers the same for known and unknown logins', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const known = await post('/api/v1/identity/recovery', { login: user.email });
    const unknown = await post('/api/v1/identity/recovery', { login: 'nobody-here@example.ru' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(Object.keys(known.json())).toEqual(Object.keys(unknown.json()));
    expect(known.json().channel).toBe(unknown.json().channel);
    const forUnknown = await post(`/api/v1/identity/recovery/${unknown.json().flowId}/complete`, { code: '123456', password: 'новый хороший пароль' });
    expect(forUnknown.statusCode).toBe(400);
  });

  it('sets a new password by an SMS code, signs nobody in, ends every session, keeps two-factor', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    await t.database.db.updateTable('identity_user').set({ phone: '+79995550011', totp_secret: generateSecret(), totp_enabled_at: new Date() }).where('id', '=', user.userId).execute();
    const started = await post('/api/v1/identity/recovery', { login: '+7 999 555-00-11' });
    expect(started.json().channel).toBe('sms');
    const code = await lastCode(t.database.db, '+79995550011');
    const done = await post(`/api/v1/identity/recovery/${started.json().flowId}/complete`, { code, password: 'совсем новый пароль' });
    expect(done.statusCode).toBe(204);
    expect(done.cookies).toEqual([]);
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect((await loginAs(t.app, user.email, user.password)).statusCode).toBe(401);
    const again = await loginAs(t.app, user.email, 'совсем новый пароль');
    expect(again.json()).toEqual({ status: 'second_factor_required' });
    const notice = await t.database.db.selectFrom('mail_message').select('subject').where('to_address', '=', user.email).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(notice.subject).toBe('Пароль изменён');
  });

  it('caps codes per address per day', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    // The registration code was the first of the ten.
    for (let i = 0; i < 9; i++) expect((await post('/api/v1/identity/recovery', { login: user.email })).statusCode).toBe(202);
    const capped = await post('/api/v1/identity/recovery', { login: user.email });
    expect(capped.statusCode).toBe(429);
  });
});

describe('clientKey', () => {
  it('groups IPv6 by /64 and keeps IPv4 whole', () => {
    expect(clientKey('2001:db8:1:2::1')).toBe(clientKey('2001:0db8:0001:0002:ffff:0:0:9'));
    expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'));
    expect(clientKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(clientKey('192.0.2.1')).toBe('192.0.2.1');
  });
});
