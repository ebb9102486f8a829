import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, enrollTotp, lastMail, makeStale, nextCode, signIn } from '../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { loginAs, registerCustomer, sessionCookie } from '../../../test/support/identity.ts';
import { hashPassword } from './password.ts';
import { insertUser } from './users.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('enableTwoFactor', () => {
  it('sets up with a QR code, enables with an app code and returns ten backup codes once', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const call = client(t.app, user.cookie);
    const setup = await call('POST', '/account/two-factor/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = setup.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrSvg).toMatch(/^<svg/);

    const wrong = await call('POST', '/account/two-factor/enable', { code: '000000' === (await generate({ secret })) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect((await call('GET', '/account')).json().totpEnabled).toBe(false);

    const enabled = await call('POST', '/account/two-factor/enable', { code: await generate({ secret }) });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json().backupCodes).toHaveLength(10);
    expect((await call('GET', '/account')).json()).toMatchObject({ totpEnabled: true, backupCodesLeft: 10 });
    expect((await lastMail(t.database.db, user.email))?.subject).toBe('Двухфакторная аутентификация включена');
    const pending = await t.database.db.selectFrom('identity_flow').select('payload').where('user_id', '=', user.userId).where('kind', '=', 'totp_setup').executeTakeFirstOrThrow();
    expect(JSON.stringify(pending.payload)).not.toContain(secret);
  });

  it('then asks for the second factor at sign-in and refuses a replayed code', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const totp = await enrollTotp(t.app, user.cookie);
    const first = await loginAs(t.app, user.email, user.password);
    expect(first.json()).toEqual({ status: 'second_factor_required' });
    const pending = client(t.app, sessionCookie(first));
    expect((await pending('GET', '/account')).statusCode).toBe(401);

    const replay = await pending('POST', '/identity/login/second-factor', { code: totp.code });
    expect(replay.statusCode).toBe(400);
    const next = await nextCode(totp.secret, totp.step);
    const passed = await pending('POST', '/identity/login/second-factor', { code: next });
    expect(passed.json()).toEqual({ status: 'signed_in' });
    expect((await client(t.app, sessionCookie(passed))('GET', '/account')).statusCode).toBe(200);

    const again = await loginAs(t.app, user.email, user.password);
    expect((await client(t.app, sessionCookie(again))('POST', '/identity/login/second-factor', { code: next })).statusCode).toBe(400);
  });

  it('accepts a backup code once', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const { backupCodes } = await enrollTotp(t.app, user.cookie);
    const cookie = await signIn(t.app, user.email, user.password, backupCodes[0]);
    expect((await client(t.app, cookie)('GET', '/account')).json().backupCodesLeft).toBe(9);
    const second = await loginAs(t.app, user.email, user.password);
    expect((await client(t.app, sessionCookie(second))('POST', '/identity/login/second-factor', { code: backupCodes[0] })).statusCode).toBe(400);
  });

  it('needs a fresh sign-in to start the setup', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    await makeStale(t.database.db, user.userId);
    const response = await client(t.app, user.cookie)('POST', '/account/two-factor/setup');
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('reauthentication_required');
  });
});

describe('reauthenticate', () => {
  it('asks for the second factor too when it is on', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const { backupCodes } = await enrollTotp(t.app, user.cookie);
    const call = client(t.app, user.cookie);
    const missing = await call('POST', '/identity/reauthenticate', { password: user.password });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ field: 'code', code: 'required' });
    expect((await call('POST', '/identity/reauthenticate', { password: user.password, code: '123456' })).statusCode).toBe(401);
    expect((await call('POST', '/identity/reauthenticate', { password: user.password, code: backupCodes[1] })).statusCode).toBe(204);
  });
});

describe('disableTwoFactor', () => {
  it('turns two-factor off with the password and a code, after a fresh sign-in', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const { backupCodes } = await enrollTotp(t.app, user.cookie);
    const call = client(t.app, user.cookie);
    await makeStale(t.database.db, user.userId);
    expect((await call('POST', '/account/two-factor/disable', { password: user.password, code: backupCodes[0] })).json().code).toBe('reauthentication_required');
    await call('POST', '/identity/reauthenticate', { password: user.password, code: backupCodes[1] });

    expect((await call('POST', '/account/two-factor/disable', { password: 'неверный пароль', code: backupCodes[0] })).statusCode).toBe(401);
    expect((await call('POST', '/account/two-factor/disable', { password: user.password, code: backupCodes[0] })).statusCode).toBe(204);
    expect((await call('GET', '/account')).json()).toMatchObject({ totpEnabled: false, backupCodesLeft: 0 });
    expect((await loginAs(t.app, user.email, user.password)).json()).toEqual({ status: 'signed_in' });
    expect((await lastMail(t.database.db, user.email))?.subject).toBe('Двухфакторная аутентификация выключена');
  });

  it('refuses staff, with a message saying why', async () => {
    const email = `staff-${Date.now()}@example.ru`;
    const password = 'пароль сотрудника 2026';
    const now = new Date();
    await insertUser(t.database.db, { id: crypto.randomUUID(), kind: 'staff', staffRole: 'operator', name: 'Оператор', email, phone: null, passwordHash: await hashPassword(password), locale: 'ru', now });
    const fresh = await signIn(t.app, email, password);
    expect((await client(t.app, fresh)('GET', '/account/sessions')).json().code).toBe('totp_enrollment_required');
    const { backupCodes } = await enrollTotp(t.app, fresh);
    const cookie = await signIn(t.app, email, password, backupCodes[0]);
    const response = await client(t.app, cookie)('POST', '/account/two-factor/disable', { password, code: backupCodes[1] });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'staff_two_factor_required', title: expect.stringContaining('Сотрудники не могут') });
    expect((await client(t.app, cookie)('GET', '/account')).json().totpEnabled).toBe(true);
  });
});

describe('regenerateBackupCodes', () => {
  it('replaces the backup codes: the old ones stop working', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const { backupCodes: old } = await enrollTotp(t.app, user.cookie);
    const response = await client(t.app, user.cookie)('POST', '/account/two-factor/backup-codes');
    expect(response.statusCode).toBe(200);
    const fresh: string[] = response.json().backupCodes;
    expect(fresh).toHaveLength(10);
    const pending = await loginAs(t.app, user.email, user.password);
    expect((await client(t.app, sessionCookie(pending))('POST', '/identity/login/second-factor', { code: old[0] })).statusCode).toBe(400);
    expect((await client(t.app, sessionCookie(pending))('POST', '/identity/login/second-factor', { code: fresh[0] })).statusCode).toBe(200);
  });
});
