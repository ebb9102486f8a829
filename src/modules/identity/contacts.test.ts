import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, lastMail, signIn } from '../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { lastCode, loginAs, registerCustomer } from '../../../test/support/identity.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

let serial = 0;
function uniqueEmail(): string {
  return `contact${++serial}-${Date.now()}@example.ru`;
}
function uniquePhone(): string {
  return `+7916${String(Date.now() % 10_000_000).padStart(7, '0')}`.slice(0, 10) + String(++serial % 10);
}

async function flowRow(id: string) {
  return t.database.db.selectFrom('identity_flow').select(['state', 'attempts', 'code_sent_at']).where('id', '=', id).executeTakeFirstOrThrow();
}

describe('startEmailChange', () => {
  it('changes the email only after the code sent to the new address, and tells the old one', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const call = client(t.app, user.cookie);
    const newEmail = uniqueEmail();
    const started = await call('POST', '/account/email', { email: newEmail });
    expect(started.statusCode).toBe(202);
    const { flowId } = started.json();
    expect((await loginAs(t.app, newEmail, user.password)).statusCode).toBe(401);

    const code = await lastCode(t.database.db, newEmail);
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await call('POST', `/account/email/${flowId}/confirm`, { code: wrong })).statusCode).toBe(400);
    expect((await call('GET', '/account')).json().email).toBe(user.email);

    expect((await call('POST', `/account/email/${flowId}/confirm`, { code })).statusCode).toBe(204);
    expect((await call('GET', '/account')).json().email).toBe(newEmail);
    expect((await loginAs(t.app, newEmail, user.password)).statusCode).toBe(200);
    expect((await loginAs(t.app, user.email, user.password)).statusCode).toBe(401);
    const notice = await lastMail(t.database.db, user.email);
    expect(notice?.subject).toBe('Адрес почты изменён');
    expect(notice?.text_body).toContain(newEmail);
    expect((await call('POST', `/account/email/${flowId}/confirm`, { code })).statusCode).toBe(410);
  });

  it('answers the same for a taken address, sends it no code, and can never complete', async () => {
    const owner = await registerCustomer(t.app, t.database.db);
    const user = await registerCustomer(t.app, t.database.db);
    const call = client(t.app, user.cookie);
    const free = await call('POST', '/account/email', { email: uniqueEmail() });
    const taken = await call('POST', '/account/email', { email: owner.email.toUpperCase() });
    expect(taken.statusCode).toBe(free.statusCode);
    expect(Object.keys(taken.json())).toEqual(Object.keys(free.json()));
    const notice = await lastMail(t.database.db, owner.email);
    expect(notice?.subject).toBe('Попытка привязать ваш адрес к другой учётной записи');
    expect(notice?.text_body).not.toMatch(/\b\d{6}\b/);
    const confirm = await call('POST', `/account/email/${taken.json().flowId}/confirm`, { code: '123456' });
    expect(confirm.statusCode).toBe(400);
    expect((await call('GET', '/account')).json().email).toBe(user.email);
  });

  it('refuses a resend within 60 seconds', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const call = client(t.app, user.cookie);
    const { flowId } = (await call('POST', '/account/email', { email: uniqueEmail() })).json();
    expect((await call('POST', `/account/email/${flowId}/resend`)).statusCode).toBe(429);
  });

  it("answers 404 to someone else's flow and leaves it untouched", async () => {
    const owner = await registerCustomer(t.app, t.database.db);
    const attacker = await registerCustomer(t.app, t.database.db);
    const newEmail = uniqueEmail();
    const { flowId } = (await client(t.app, owner.cookie)('POST', '/account/email', { email: newEmail })).json();
    const code = await lastCode(t.database.db, newEmail);
    const before = await flowRow(flowId);
    const steal = client(t.app, attacker.cookie);
    expect((await steal('POST', `/account/email/${flowId}/confirm`, { code })).statusCode).toBe(404);
    expect((await steal('POST', `/account/email/${flowId}/resend`)).statusCode).toBe(404);
    expect(await flowRow(flowId)).toEqual(before);
    expect((await steal('GET', '/account')).json().email).toBe(attacker.email);
    expect((await client(t.app, owner.cookie)('POST', `/account/email/${flowId}/confirm`, { code })).statusCode).toBe(204);
  });
});

describe('confirmPhone', () => {
  it('sets the phone after the SMS code; the email hears of it; the phone then signs in', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const call = client(t.app, user.cookie);
    const phone = uniquePhone();
    const started = await call('POST', '/account/phone', { phone });
    expect(started.statusCode).toBe(202);
    expect((await call('GET', '/account')).json().phone).toBeNull();
    const confirmed = await call('POST', `/account/phone/${started.json().flowId}/confirm`, { code: await lastCode(t.database.db, phone) });
    expect(confirmed.statusCode).toBe(204);
    expect((await call('GET', '/account')).json().phone).toBe(phone);
    expect((await lastMail(t.database.db, user.email))?.subject).toBe('Номер телефона изменён');
    expect((await loginAs(t.app, phone, user.password)).statusCode).toBe(200);
  });

  it('completes the phone flow that registration started', async () => {
    const phone = uniquePhone();
    const user = await registerCustomer(t.app, t.database.db, { phone });
    const flow = await t.database.db.selectFrom('identity_flow').select('id').where('user_id', '=', user.userId).where('kind', '=', 'phone_verification').executeTakeFirstOrThrow();
    const confirmed = await client(t.app, user.cookie)('POST', `/account/phone/${flow.id}/confirm`, { code: await lastCode(t.database.db, phone) });
    expect(confirmed.statusCode).toBe(204);
    expect((await client(t.app, user.cookie)('GET', '/account')).json().phone).toBe(phone);
  });

  it('fails the flow for a number someone else has confirmed meanwhile', async () => {
    const phone = uniquePhone();
    const first = await registerCustomer(t.app, t.database.db);
    const second = await registerCustomer(t.app, t.database.db);
    const firstFlow = (await client(t.app, first.cookie)('POST', '/account/phone', { phone })).json().flowId;
    const firstCode = await lastCode(t.database.db, phone);
    const secondFlow = (await client(t.app, second.cookie)('POST', '/account/phone', { phone })).json().flowId;
    const secondCode = await lastCode(t.database.db, phone);
    expect((await client(t.app, first.cookie)('POST', `/account/phone/${firstFlow}/confirm`, { code: firstCode })).statusCode).toBe(204);
    expect((await client(t.app, second.cookie)('POST', `/account/phone/${secondFlow}/confirm`, { code: secondCode })).statusCode).toBe(410);
    expect((await client(t.app, second.cookie)('GET', '/account')).json().phone).toBeNull();
  });

  it("answers 404 to someone else's phone flow and leaves it untouched", async () => {
    const owner = await registerCustomer(t.app, t.database.db);
    const attacker = await registerCustomer(t.app, t.database.db);
    const phone = uniquePhone();
    const { flowId } = (await client(t.app, owner.cookie)('POST', '/account/phone', { phone })).json();
    const code = await lastCode(t.database.db, phone);
    const before = await flowRow(flowId);
    const steal = client(t.app, attacker.cookie);
    expect((await steal('POST', `/account/phone/${flowId}/confirm`, { code })).statusCode).toBe(404);
    expect((await steal('POST', `/account/phone/${flowId}/resend`)).statusCode).toBe(404);
    expect(await flowRow(flowId)).toEqual(before);
    expect((await steal('GET', '/account')).json().phone).toBeNull();
    expect((await client(t.app, owner.cookie)('POST', `/account/phone/${flowId}/confirm`, { code })).statusCode).toBe(204);
  });

  it('refuses a number that is not a phone number', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const response = await client(t.app, user.cookie)('POST', '/account/phone', { phone: '12-34-56' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: 'phone', code: 'invalid_phone' });
  });
});

describe('removePhone', () => {
  it('removes the phone after a fresh sign-in, and the number no longer signs in', async () => {
    const phone = uniquePhone();
    const user = await registerCustomer(t.app, t.database.db);
    const call = client(t.app, user.cookie);
    const { flowId } = (await call('POST', '/account/phone', { phone })).json();
    await call('POST', `/account/phone/${flowId}/confirm`, { code: await lastCode(t.database.db, phone) });
    expect((await call('DELETE', '/account/phone')).statusCode).toBe(204);
    expect((await call('GET', '/account')).json().phone).toBeNull();
    expect((await loginAs(t.app, phone, user.password)).statusCode).toBe(401);
    expect((await lastMail(t.database.db, user.email))?.subject).toBe('Номер телефона удалён');
    const fresh = await signIn(t.app, user.email, user.password);
    expect((await client(t.app, fresh)('GET', '/account')).statusCode).toBe(200);
  });
});
