import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, lastMail } from '../../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addProfile, issueCode, redeem, uniqueName, verifiedProfile, yearsAgo } from '../../../../test/support/family.ts';
import { registerCustomer, type Registered } from '../../../../test/support/identity.ts';
import { signInStaff, type SignedInStaff } from '../../../../test/support/staff.ts';
import { hashProfileCode, normalizeProfileCode } from './codes.ts';

let t: TestApp;
let moderator: SignedInStaff;
let administrator: SignedInStaff;

beforeAll(async () => {
  t = await createTestApp();
  moderator = await signInStaff(t.app, t.database.db, 'moderator', { name: 'Ольга Модератор' });
  administrator = await signInStaff(t.app, t.database.db, 'administrator');
});
afterAll(async () => t?.close());

async function customer(name?: string): Promise<Registered> {
  return registerCustomer(t.app, t.database.db, name ? { name } : {});
}

describe('back-office profile routes', () => {
  it('are hidden from customers, operators and accountants, and ask signed-out callers to sign in', async () => {
    const user = await customer();
    const id = await addProfile(t.app, user.cookie);
    const operator = await signInStaff(t.app, t.database.db, 'operator');
    const accountant = await signInStaff(t.app, t.database.db, 'accountant');
    const routes: Array<['GET' | 'POST', string, object?]> = [
      ['GET', '/backoffice/profiles'],
      ['GET', `/backoffice/profiles/${id}`],
      ['POST', `/backoffice/profiles/${id}/codes`],
      ['POST', `/backoffice/profiles/${id}/reject`, { reason: 'нет документов' }],
    ];
    for (const [method, url, body] of routes) {
      for (const cookie of [user.cookie, operator.cookie, accountant.cookie]) {
        expect((await client(t.app, cookie)(method, url, body)).statusCode, `${method} ${url}`).toBe(404);
      }
      expect((await client(t.app)(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
    }
    expect(await t.database.db.selectFrom('party_profile_code').select('id').where('customer_id', '=', id).execute()).toEqual([]);
  });
});

describe('findProfiles', () => {
  it('lists profiles awaiting verification oldest first, verified and rejected ones, with counts and a name search', async () => {
    const user = await customer('Светлана Орлова');
    const tag = uniqueName('Кузьмины');
    const waiting = await addProfile(t.app, user.cookie, { name: `${tag} Дарья` });
    const later = await addProfile(t.app, user.cookie, { name: `${tag} Фёдор` });
    const verified = await verifiedProfile(t.app, user.cookie, moderator.cookie, { name: `${tag} Роман` });
    const staff = client(t.app, moderator.cookie);
    const before = (await staff('GET', '/backoffice/profiles')).json().counts;

    const awaiting = await staff('GET', `/backoffice/profiles?query=${encodeURIComponent(tag)}`);
    expect(awaiting.statusCode).toBe(200);
    expect(awaiting.json().items.map((item: { id: string }) => item.id)).toEqual([waiting, later]);
    expect(awaiting.json().items[0]).toMatchObject({ status: 'pending', relation: 'child', addedBy: { id: user.userId, name: 'Светлана Орлова' } });

    const done = await staff('GET', `/backoffice/profiles?status=verified&query=${encodeURIComponent(tag)}`);
    expect(done.json().items.map((item: { id: string }) => item.id)).toEqual([verified]);

    await staff('POST', `/backoffice/profiles/${later}/reject`, { reason: 'Документы не подтверждают родство' });
    const after = (await staff('GET', '/backoffice/profiles')).json().counts;
    expect(after).toEqual({ awaiting: before.awaiting - 1, verified: before.verified, rejected: before.rejected + 1 });
    const rejected = await staff('GET', `/backoffice/profiles?status=rejected&query=${encodeURIComponent(tag)}`);
    expect(rejected.json().items.map((item: { id: string }) => item.id)).toEqual([later]);

    // The navigation's count is the same number.
    expect((await staff('GET', '/backoffice/queues')).json().profiles).toBe(after.awaiting);
  });

  it('pages with a cursor', async () => {
    const user = await customer();
    const tag = uniqueName('Страничные');
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await addProfile(t.app, user.cookie, { name: `${tag} ${i}` }));
    const staff = client(t.app, administrator.cookie);
    const first = await staff('GET', `/backoffice/profiles?limit=2&query=${encodeURIComponent(tag)}`);
    expect(first.json().items.map((item: { id: string }) => item.id)).toEqual(ids.slice(0, 2));
    const second = await staff('GET', `/backoffice/profiles?limit=2&query=${encodeURIComponent(tag)}&cursor=${first.json().nextCursor}`);
    expect(second.json().items.map((item: { id: string }) => item.id)).toEqual(ids.slice(2));
    expect(second.json().nextCursor).toBeNull();
  });
});

describe('issueProfileCode', () => {
  it('shows the code once, keeps only its hash, and voids the previous unused one', async () => {
    const user = await customer();
    const id = await addProfile(t.app, user.cookie);
    const staff = client(t.app, moderator.cookie);
    const first = await staff('POST', `/backoffice/profiles/${id}/codes`);
    expect(first.statusCode).toBe(201);
    const issued = first.json();
    expect(issued).toMatchObject({ purpose: 'verification', profile: { id } });
    expect(new Date(issued.expiresAt).getTime() - new Date(issued.issuedAt).getTime()).toBe(7 * 24 * 3600 * 1000);
    const stored = await t.database.db.selectFrom('party_profile_code').select('code_hash').where('id', '=', issued.id).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.code_hash).equals(hashProfileCode(normalizeProfileCode(issued.code)!))).toBe(true);

    await staff('POST', `/backoffice/profiles/${id}/codes`);
    const detail = await staff('GET', `/backoffice/profiles/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toContain(issued.code);
    expect(detail.json().codes).toEqual([
      expect.objectContaining({ state: 'live', purpose: 'verification', issuedBy: { id: moderator.userId, name: 'Ольга Модератор' }, usedBy: null }),
      expect.objectContaining({ id: issued.id, state: 'replaced' }),
    ]);
  });

  it('refuses a rejected profile and an unknown one', async () => {
    const user = await customer();
    const id = await addProfile(t.app, user.cookie);
    const staff = client(t.app, moderator.cookie);
    await staff('POST', `/backoffice/profiles/${id}/reject`, { reason: 'Не пришли' });
    const response = await staff('POST', `/backoffice/profiles/${id}/codes`);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('profile_not_open');
    expect((await staff('POST', '/backoffice/profiles/0190a0d0-0000-7000-8000-000000000000/codes')).statusCode).toBe(404);
  });
});

describe('getProfileForStaff', () => {
  it('shows the people linked, the codes (used by whom), and the audit trail with names', async () => {
    const parent = await customer('Виктор Лебедев');
    const id = await verifiedProfile(t.app, parent.cookie, moderator.cookie, { name: 'Ксения Лебедева', birthDate: yearsAgo(4) });
    const detail = await client(t.app, moderator.cookie)('GET', `/backoffice/profiles/${id}`);
    expect(detail.json()).toMatchObject({
      id,
      name: 'Ксения Лебедева',
      birthDate: yearsAgo(4),
      adult: false,
      status: 'active',
      decidedBy: { id: moderator.userId, name: 'Ольга Модератор' },
      nextCode: null,
      members: [{ userId: parent.userId, name: 'Виктор Лебедев', email: parent.email, role: 'guardian', relation: 'child', status: 'active' }],
      codes: [{ state: 'used', usedBy: { id: parent.userId, name: 'Виктор Лебедев' } }],
    });
    expect(detail.json().audit.map((event: { event: string }) => event.event)).toEqual(['family.profile_verified', 'family.code_issued', 'family.profile_created']);
    expect(detail.json().audit[1].actor).toEqual({ id: moderator.userId, name: 'Ольга Модератор' });
  });
});

describe('rejectProfile', () => {
  it('ends the waiting membership, voids the code, tells the user why; a second reject changes nothing', async () => {
    const user = await customer();
    const id = await addProfile(t.app, user.cookie, { name: 'Отклонённый Профиль' });
    const code = await issueCode(t.app, moderator.cookie, id);
    const staff = client(t.app, moderator.cookie);
    const empty = await staff('POST', `/backoffice/profiles/${id}/reject`, { reason: '' });
    expect(empty.statusCode).toBe(400);

    const response = await staff('POST', `/backoffice/profiles/${id}/reject`, { reason: 'Свидетельство о рождении не совпадает' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'rejected', statusReason: 'Свидетельство о рождении не совпадает', nextCode: null });
    expect(response.json().members[0]).toMatchObject({ status: 'ended' });
    expect(response.json().codes[0]).toMatchObject({ state: 'replaced' });
    const mail = await lastMail(t.database.db, user.email);
    expect(mail?.subject).toBe('Профиль не подтверждён');
    expect(mail?.text_body).toContain('Свидетельство о рождении не совпадает');

    const list = await client(t.app, user.cookie)('GET', '/family-profiles');
    expect(list.json().items).toEqual([expect.objectContaining({ id, status: 'rejected', rejectionReason: 'Свидетельство о рождении не совпадает', canDelete: true })]);
    expect((await redeem(t.app, user.cookie, code)).json().code).toBe('code_replaced');

    const again = await staff('POST', `/backoffice/profiles/${id}/reject`, { reason: 'Другая причина' });
    expect(again.statusCode).toBe(200);
    expect(again.json().statusReason).toBe('Свидетельство о рождении не совпадает');
    const rejections = await t.database.db.selectFrom('audit_event').select('id').where('subject_id', '=', id).where('event', '=', 'family.profile_rejected').execute();
    expect(rejections).toHaveLength(1);

    // The user removes the rejected profile from their list.
    expect((await client(t.app, user.cookie)('DELETE', `/family-profiles/${id}`)).statusCode).toBe(204);
  });

  it('refuses a verified profile', async () => {
    const user = await customer();
    const id = await verifiedProfile(t.app, user.cookie, moderator.cookie);
    const response = await client(t.app, moderator.cookie)('POST', `/backoffice/profiles/${id}/reject`, { reason: 'Поздно' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('profile_not_pending');
  });
});
