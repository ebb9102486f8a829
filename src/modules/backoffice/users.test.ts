import { generateSecret } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { loginAs, ORIGIN, registerCustomer } from '../../../test/support/identity.ts';
import { signInStaff, type SignedInStaff } from '../../../test/support/staff.ts';

let t: TestApp;
let operator: SignedInStaff;
beforeAll(async () => {
  t = await createTestApp();
  operator = await signInStaff(t.app, t.database.db, 'operator');
});
afterAll(async () => t?.close());

function send(method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url: `/api/v1/backoffice${url}`, headers: { origin: ORIGIN, cookie: operator.cookie }, ...(payload ? { payload } : {}) });
}

/** A phone counts once confirmed by SMS; the test sets it directly. */
async function confirmPhone(userId: string, phone: string) {
  await t.database.db.updateTable('identity_user').set({ phone }).where('id', '=', userId).execute();
}

describe('findCustomers', () => {
  it('finds customers by a part of the email, phone or name, cursor-paged, never staff', async () => {
    const ivanova = await registerCustomer(t.app, t.database.db, { email: 'ivanova.search@example.ru', name: 'Мария Иванова' });
    await confirmPhone(ivanova.userId, '+79165551234');
    await registerCustomer(t.app, t.database.db, { email: 'petrov.search@example.ru', name: 'Пётр Петров' });
    for (const query of ['IVANOVA.SEARCH', '5551234', 'мария ив']) {
      const response = await send('GET', `/users?query=${encodeURIComponent(query)}`);
      expect(response.json().items.map((item: { id: string }) => item.id), query).toEqual([ivanova.userId]);
    }
    expect((await send('GET', `/users?query=${encodeURIComponent('%')}`)).json().items).toEqual([]);
    expect((await send('GET', `/users?query=${encodeURIComponent(operator.email)}`)).json().items).toEqual([]);

    const first = (await send('GET', '/users?query=search&limit=1')).json();
    expect(first.items).toHaveLength(1);
    const second = (await send('GET', `/users?query=search&limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(second.nextCursor).toBeNull();
    expect((await send('GET', '/users?limit=51')).statusCode).toBe(400);
  });
});

describe('getCustomer', () => {
  it('shows status, contacts, two-factor, live sessions and audit events — no secrets', async () => {
    const customer = await registerCustomer(t.app, t.database.db);
    await confirmPhone(customer.userId, '+79165550000');
    const response = await send('GET', `/users/${customer.userId}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ id: customer.userId, email: customer.email, phone: '+79165550000', status: 'active', twoFactorEnabled: false });
    expect(body.sessions).toHaveLength(1);
    expect(body.audit.map((entry: { event: string }) => entry.event)).toContain('user.registered');
    expect(JSON.stringify(body)).not.toMatch(/password_hash|argon2|totp_secret|token/i);
    expect((await send('GET', `/users/${operator.userId}`)).statusCode).toBe(404);
  });
});

describe('blockCustomer', () => {
  it('ends every session at once, refuses sign-in, tells the person, and audits the staff actor', async () => {
    const customer = await registerCustomer(t.app, t.database.db);
    const again = await loginAs(t.app, customer.email, customer.password);
    expect(again.statusCode).toBe(200);

    const blocked = await send('POST', `/users/${customer.userId}/block`, { reason: 'Мошенничество' });
    expect(blocked.statusCode).toBe(200);
    expect(blocked.json()).toMatchObject({ status: 'blocked', blockedReason: 'Мошенничество' });
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: customer.cookie } })).statusCode).toBe(401);
    const live = await t.database.db.selectFrom('identity_session').select('id').where('user_id', '=', customer.userId).where('ended_at', 'is', null).execute();
    expect(live).toEqual([]);

    const login = await loginAs(t.app, customer.email, customer.password);
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('account_blocked');
    const notice = await t.database.db.selectFrom('mail_message').select(['subject', 'text_body']).where('to_address', '=', customer.email).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(notice).toMatchObject({ subject: 'Учётная запись заблокирована', text_body: expect.stringContaining('Мошенничество') });

    expect((await send('POST', `/users/${customer.userId}/unblock`)).json()).toMatchObject({ status: 'active', blockedReason: null });
    expect((await loginAs(t.app, customer.email, customer.password)).statusCode).toBe(200);

    const audit = await t.database.db.selectFrom('audit_event').select(['event', 'details']).where('subject_id', '=', customer.userId).where('actor_id', '=', operator.userId).orderBy('id').execute();
    expect(audit.map((entry) => entry.event)).toEqual(['user.blocked', 'user.unblocked']);
    expect(audit[0]?.details).toEqual({ reason: 'Мошенничество', sessionsEnded: 2 });
  });

  it('cannot reach staff accounts', async () => {
    const administrator = await signInStaff(t.app, t.database.db, 'administrator');
    expect((await send('POST', `/users/${administrator.userId}/block`, { reason: 'Попытка' })).statusCode).toBe(404);
  });
});

describe('resetCustomerTwoFactor', () => {
  it('turns two-factor off, ends every session, tells the person and audits the reason; staff are out of reach', async () => {
    const customer = await registerCustomer(t.app, t.database.db);
    await t.database.db.updateTable('identity_user').set({ totp_secret: generateSecret(), totp_enabled_at: new Date() }).where('id', '=', customer.userId).execute();
    expect((await loginAs(t.app, customer.email, customer.password)).json()).toEqual({ status: 'second_factor_required' });

    const reset = await send('POST', `/users/${customer.userId}/reset-two-factor`, { reason: 'Личность подтверждена по паспорту, телефон утерян' });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ twoFactorEnabled: false });
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: customer.cookie } })).statusCode).toBe(401);
    expect((await loginAs(t.app, customer.email, customer.password)).json()).toEqual({ status: 'signed_in' });
    const notice = await t.database.db.selectFrom('mail_message').select('subject').where('to_address', '=', customer.email).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(notice.subject).toBe('Двухфакторная аутентификация выключена');
    const audit = await t.database.db.selectFrom('audit_event').select(['event', 'details']).where('subject_id', '=', customer.userId).where('event', '=', 'user.two_factor_reset').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ reason: 'Личность подтверждена по паспорту, телефон утерян' });

    const administrator = await signInStaff(t.app, t.database.db, 'administrator');
    expect((await send('POST', `/users/${administrator.userId}/reset-two-factor`, { reason: 'Попытка' })).statusCode).toBe(404);
  });
});
