import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { lastCode, ORIGIN } from '../../../test/support/identity.ts';
import { signInStaff, type SignedInStaff } from '../../../test/support/staff.ts';

let t: TestApp;
let admin: SignedInStaff;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signInStaff(t.app, t.database.db, 'administrator');
});
afterAll(async () => t?.close());

function send(method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object, headers: Record<string, string> = {}) {
  return t.app.inject({ method, url: `/api/v1/backoffice${url}`, headers: { origin: ORIGIN, cookie, ...headers }, ...(payload ? { payload } : {}) });
}

async function auditOf(subjectId: string) {
  return t.database.db.selectFrom('audit_event').select(['event', 'actor_id', 'details']).where('subject_id', '=', subjectId).orderBy('id').execute();
}

describe('createStaff', () => {
  it('invites by email with a link built from PUBLIC_URL, never from the Host header', async () => {
    const response = await send('POST', '/staff', admin.cookie, { email: 'Operator.One@provider.example.ru', name: 'Ольга Операторова', role: 'operator' }, { host: 'evil.example' });
    expect(response.statusCode).toBe(201);
    const { member, invitation } = response.json();
    expect(member).toMatchObject({ email: 'Operator.One@provider.example.ru', role: 'operator', status: 'active', totpEnabled: false });
    expect(invitation.setupUrl).toBe(`${t.config.publicUrl.origin}/staff/setup?flow=${invitation.flowId}`);
    expect(JSON.stringify(response.json())).not.toMatch(/\b\d{6}\b/);

    const mail = await t.database.db.selectFrom('mail_message').select(['subject', 'text_body']).where('to_address', '=', 'operator.one@provider.example.ru').executeTakeFirstOrThrow();
    expect(mail.text_body).toContain(invitation.setupUrl);
    expect(mail.text_body).not.toContain('evil.example');
    expect(await lastCode(t.database.db, 'operator.one@provider.example.ru')).toMatch(/^\d{6}$/);
    expect((await auditOf(member.id)).map((entry) => [entry.event, entry.actor_id])).toEqual([
      ['staff.created', admin.userId],
      ['staff.invitation_sent', admin.userId],
    ]);

    const list = await send('GET', '/staff', admin.cookie);
    expect(list.json().items.map((item: { id: string }) => item.id)).toContain(member.id);
    expect(JSON.stringify(list.json())).not.toMatch(/password|totp_?secret/i);
  });

  it('refuses an email already in use, whatever its case', async () => {
    const response = await send('POST', '/staff', admin.cookie, { email: admin.email.toUpperCase(), name: 'Дубль', role: 'moderator' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('email_taken');
  });
});

describe('updateStaff and blockStaff', () => {
  it('changes a role, blocks (ending the sessions at once) and unblocks, with an audit entry for each', async () => {
    const moderator = await signInStaff(t.app, t.database.db, 'moderator');
    const promoted = await send('PATCH', `/staff/${moderator.userId}`, admin.cookie, { role: 'operator' });
    expect(promoted.json()).toMatchObject({ id: moderator.userId, role: 'operator' });

    const blocked = await send('POST', `/staff/${moderator.userId}/block`, admin.cookie, { reason: 'Уволен' });
    expect(blocked.json()).toMatchObject({ status: 'blocked', blockedReason: 'Уволен' });
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: moderator.cookie } })).statusCode).toBe(401);

    const unblocked = await send('POST', `/staff/${moderator.userId}/unblock`, admin.cookie);
    expect(unblocked.json()).toMatchObject({ status: 'active', blockedReason: null });

    const audit = await auditOf(moderator.userId);
    const byAdmin = audit.filter((entry) => entry.actor_id === admin.userId);
    expect(byAdmin.map((entry) => entry.event)).toEqual(['staff.role_changed', 'staff.blocked', 'staff.unblocked']);
    expect(byAdmin[0]?.details).toEqual({ from: 'moderator', to: 'operator' });
    expect(byAdmin[1]?.details).toMatchObject({ reason: 'Уволен', sessionsEnded: 1 });
  });

  it('does not let an administrator block themself', async () => {
    const response = await send('POST', `/staff/${admin.userId}/block`, admin.cookie, { reason: 'Проверка' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('cannot_block_self');
  });

  it('keeps the last active administrator: no demotion, and no block even when two block each other at once', async () => {
    const { db } = t.database;
    const activeAdministrators = async () =>
      (await db.selectFrom('identity_user').select('id').where('staff_role', '=', 'administrator').where('status', '=', 'active').execute()).map((row) => row.id);
    // Other tests' administrators are blocked, so `admin` is the only active one.
    await db.updateTable('identity_user').set({ status: 'blocked' }).where('staff_role', '=', 'administrator').where('id', '!=', admin.userId).execute();
    const demote = await send('PATCH', `/staff/${admin.userId}`, admin.cookie, { role: 'operator' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('last_administrator');

    const second = await signInStaff(t.app, db, 'administrator');
    const [first, other] = await Promise.all([
      send('POST', `/staff/${second.userId}/block`, admin.cookie, { reason: 'Взаимная блокировка' }),
      send('POST', `/staff/${admin.userId}/block`, second.cookie, { reason: 'Взаимная блокировка' }),
    ]);
    expect([first.statusCode, other.statusCode].filter((status) => status === 200)).toHaveLength(1);
    expect([first.statusCode, other.statusCode].filter((status) => status !== 200)[0]).toBeOneOf([401, 409]);
    expect(await activeAdministrators()).toHaveLength(1);
    await db.updateTable('identity_user').set({ status: 'active' }).where('id', '=', admin.userId).execute();
  });

  it('answers 404 for an id that is not staff', async () => {
    const response = await send('PATCH', '/staff/01900000-0000-7000-8000-000000000000', admin.cookie, { role: 'operator' });
    expect(response.statusCode).toBe(404);
  });
});

describe('listOutbox', () => {
  it('shows administrators the messages kept without SMTP', async () => {
    await send('POST', '/staff', admin.cookie, { email: 'outbox.reader@provider.example.ru', name: 'Бухгалтер', role: 'accountant' });
    // The test app runs no mail worker: deliver what is queued the way it would without SMTP.
    await t.database.db.updateTable('mail_message').set({ status: 'outbox', delivered_at: new Date() }).where('status', '=', 'queued').execute();
    const response = await send('GET', '/outbox?limit=2', admin.cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toHaveLength(2);
    expect(response.json().items[0]).toMatchObject({ channel: 'mail', to: 'outbox.reader@provider.example.ru', subject: 'Приглашение в личный кабинет сотрудника' });
    expect((await send('GET', '/outbox?limit=1', admin.cookie)).json().items).toHaveLength(1);
  });
});
