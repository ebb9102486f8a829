import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, lastMail, makeStale, signIn } from '../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { loginAs, registerCustomer } from '../../../test/support/identity.ts';
import { findHackedReports } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('reauthenticate', () => {
  it('lets a sensitive change through only after the password is typed again', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const call = client(t.app, user.cookie);
    await makeStale(t.database.db, user.userId);
    const refused = await call('POST', '/account/email', { email: 'new-address@example.ru' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('reauthentication_required');

    const wrong = await call('POST', '/identity/reauthenticate', { password: 'не тот пароль' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    expect((await call('POST', '/account/email', { email: 'new-address@example.ru' })).statusCode).toBe(403);

    expect((await call('POST', '/identity/reauthenticate', { password: user.password })).statusCode).toBe(204);
    expect((await call('POST', '/account/email', { email: 'new-address@example.ru' })).statusCode).toBe(202);
  });

  it('counts wrong passwords into the sign-in throttle of the account', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const call = client(t.app, user.cookie);
    for (let i = 0; i < 10; i++) expect((await call('POST', '/identity/reauthenticate', { password: `неверный пароль ${i}` })).statusCode).toBe(401);
    expect((await call('POST', '/identity/reauthenticate', { password: user.password })).statusCode).toBe(429);
    expect((await loginAs(t.app, user.email, user.password)).statusCode).toBe(429);
  });
});

describe('changePassword', () => {
  it('needs the current password, ends the other sessions and keeps this one', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const other = await signIn(t.app, user.email, user.password);
    const call = client(t.app, user.cookie);
    const newPassword = 'новый пароль от кабинета';

    const wrong = await call('POST', '/account/password', { currentPassword: 'угадываю пароль', newPassword });
    expect(wrong.statusCode).toBe(401);
    expect((await client(t.app, other)('GET', '/account')).statusCode).toBe(200);

    expect((await call('POST', '/account/password', { currentPassword: user.password, newPassword })).statusCode).toBe(204);
    expect((await call('GET', '/account')).statusCode).toBe(200);
    expect((await client(t.app, other)('GET', '/account')).statusCode).toBe(401);
    expect((await loginAs(t.app, user.email, user.password)).statusCode).toBe(401);
    expect((await loginAs(t.app, user.email, newPassword)).statusCode).toBe(200);
    expect((await lastMail(t.database.db, user.email))?.subject).toBe('Пароль изменён');
  });

  it('applies the password policy to the new password, on its own field', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const response = await client(t.app, user.cookie)('POST', '/account/password', { currentPassword: user.password, newPassword: 'qwerty123' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'newPassword', code: 'password_too_common' })]);
    expect((await loginAs(t.app, user.email, user.password)).statusCode).toBe(200);
  });
});

describe('getAccount', () => {
  it('shows the profile and takes name and language changes', async () => {
    const user = await registerCustomer(t.app, t.database.db, { name: 'Мария Иванова' });
    const call = client(t.app, user.cookie);
    expect((await call('GET', '/account')).json()).toEqual({
      id: user.userId,
      name: 'Мария Иванова',
      email: user.email,
      phone: null,
      locale: 'ru',
      marketingOptIn: false,
      notifyBySms: false,
      totpEnabled: false,
      backupCodesLeft: 0,
    });
    const patched = await call('PATCH', '/account', { name: '  Мария Петрова ', locale: 'en' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Мария Петрова', locale: 'en' });
    // The email changes only through its confirmation flow.
    expect((await call('PATCH', '/account', { email: 'sneaky@example.ru' })).json().email).toBe(user.email);
  });
});

describe('setNotificationPreferences', () => {
  it('stores the advertising and SMS choices', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const call = client(t.app, user.cookie);
    const put = await call('PUT', '/account/notifications', { marketing: true, sms: true });
    expect(put.json()).toEqual({ marketing: true, sms: true });
    expect((await call('GET', '/account')).json()).toMatchObject({ marketingOptIn: true, notifyBySms: true });
    await call('PUT', '/account/notifications', { marketing: false, sms: true });
    expect((await call('GET', '/account')).json()).toMatchObject({ marketingOptIn: false, notifyBySms: true });
  });
});

describe('findActivity', () => {
  it('lists sign-ins and the password change, newest first, page by page', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const cookie = await signIn(t.app, user.email, user.password);
    const call = client(t.app, cookie);
    await call('POST', '/account/password', { currentPassword: user.password, newPassword: 'пароль после смены' });
    const all = await call('GET', '/account/activity?limit=100');
    expect(all.statusCode).toBe(200);
    const events = all.json().items.map((item: { event: string }) => item.event);
    expect(events.slice(0, 2)).toEqual(['password.changed', 'login.succeeded']);
    expect(events).toContain('user.registered');
    expect(all.json().items[0]).toEqual({ event: 'password.changed', at: expect.any(String), ip: '127.0.0.1', userAgent: 'lightMyRequest' });

    const first = (await call('GET', '/account/activity?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const second = (await call('GET', `/account/activity?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].event).toBe('login.succeeded');
  });

  it("does not show another person's events", async () => {
    const owner = await registerCustomer(t.app, t.database.db);
    const stranger = await registerCustomer(t.app, t.database.db);
    await loginAs(t.app, owner.email, 'wrong password here');
    const events = (await client(t.app, stranger.cookie)('GET', '/account/activity')).json().items.map((item: { event: string }) => item.event);
    expect(events).toEqual(['user.registered']);
  });
});

describe('reportHacked', () => {
  it('ends every session, kills the password and records the report for staff', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const other = await signIn(t.app, user.email, user.password);
    const since = new Date();
    const response = await client(t.app, user.cookie)('POST', '/account/report-hacked', { comment: 'Кто-то сменил мой тариф' });
    expect(response.statusCode).toBe(204);
    expect(response.cookies).toEqual([expect.objectContaining({ name: 'kabinet_session', value: '' })]);
    expect((await client(t.app, user.cookie)('GET', '/account')).statusCode).toBe(401);
    expect((await client(t.app, other)('GET', '/account')).statusCode).toBe(401);
    expect((await loginAs(t.app, user.email, user.password)).statusCode).toBe(401);
    expect((await lastMail(t.database.db, user.email))?.subject).toBe('Мы заблокировали вход в ваш кабинет');
    const reports = await findHackedReports(t.database.db, { since });
    expect(reports).toEqual([{ userId: user.userId, at: expect.any(Date), comment: 'Кто-то сменил мой тариф' }]);
  });

  it('needs a signed-in session', async () => {
    expect((await client(t.app)('POST', '/account/report-hacked', {})).statusCode).toBe(401);
  });
});
