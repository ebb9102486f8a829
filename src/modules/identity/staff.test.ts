import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { lastCode, loginAs, ORIGIN, sessionCookie } from '../../../test/support/identity.ts';
import { enableTotp, passSecondFactor, signInStaff, type SignedInStaff } from '../../../test/support/staff.ts';

let t: TestApp;
let admin: SignedInStaff;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signInStaff(t.app, t.database.db, 'administrator');
});
afterAll(async () => t?.close());

async function invite(email: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/backoffice/staff',
    headers: { origin: ORIGIN, cookie: admin.cookie },
    payload: { email, name: 'Новый Сотрудник', role: 'moderator' },
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json() as { member: { id: string }; invitation: { flowId: string } };
}

const complete = (flowId: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1/identity/staff-invitations/${flowId}/complete`, headers: { origin: ORIGIN }, payload });

describe('completeStaffInvitation', () => {
  it('sets the password with the emailed code; signing in then demands TOTP enrollment until it is on', async () => {
    const email = 'new.moderator@provider.example.ru';
    const { member, invitation } = await invite(email);
    const code = await lastCode(t.database.db, email);
    expect((await loginAs(t.app, email, 'пароль модератора')).statusCode).toBe(401);

    expect((await complete(invitation.flowId, { code, password: 'qwerty123' })).json().errors[0].code).toBe('password_too_common');
    expect((await complete(invitation.flowId, { code, password: 'пароль модератора' })).statusCode).toBe(204);
    expect((await complete(invitation.flowId, { code, password: 'пароль модератора' })).statusCode).toBe(410);

    const login = await loginAs(t.app, email, 'пароль модератора');
    expect(login.json()).toEqual({ status: 'signed_in' });
    const refused = await t.app.inject({ url: '/api/v1/backoffice/users', headers: { cookie: sessionCookie(login) } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('totp_enrollment_required');

    const secret = await enableTotp(t.database.db, member.id);
    const pending = await loginAs(t.app, email, 'пароль модератора');
    const cookie = await passSecondFactor(t.app, sessionCookie(pending), secret);
    expect((await t.app.inject({ url: '/api/v1/backoffice/users', headers: { cookie } })).statusCode).toBe(200);

    const audit = await t.database.db.selectFrom('audit_event').select(['event', 'actor_id']).where('subject_id', '=', member.id).where('event', '=', 'staff.invitation_accepted').execute();
    expect(audit).toEqual([{ event: 'staff.invitation_accepted', actor_id: member.id }]);
  });

  it('counts wrong codes and dies after five, even for the right code', async () => {
    const email = 'guessed@provider.example.ru';
    const { invitation } = await invite(email);
    const code = await lastCode(t.database.db, email);
    const wrong = code === '111111' ? '222222' : '111111';
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await complete(invitation.flowId, { code: wrong, password: 'хороший пароль 9' });
      expect(response.statusCode).toBe(400);
      expect(response.json().attemptsLeft).toBe(5 - attempt);
    }
    expect((await complete(invitation.flowId, { code, password: 'хороший пароль 9' })).statusCode).toBe(410);
  });

  it('does not complete another kind of flow, nor an invitation of a blocked member', async () => {
    const recovery = await t.app.inject({ method: 'POST', url: '/api/v1/identity/recovery', headers: { origin: ORIGIN }, payload: { login: admin.email } });
    expect((await complete(recovery.json().flowId, { code: await lastCode(t.database.db, admin.email), password: 'хороший пароль 9' })).statusCode).toBe(404);

    const email = 'blocked.invitee@provider.example.ru';
    const { member, invitation } = await invite(email);
    await t.app.inject({ method: 'POST', url: `/api/v1/backoffice/staff/${member.id}/block`, headers: { origin: ORIGIN, cookie: admin.cookie }, payload: { reason: 'Отозвано' } });
    expect((await complete(invitation.flowId, { code: await lastCode(t.database.db, email), password: 'хороший пароль 9' })).statusCode).toBe(400);
  });
});
