import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addProfile, issueCode, redeem, uniqueName, verifiedProfile, yearsAgo } from '../../../../test/support/family.ts';
import { registerCustomer, type Registered } from '../../../../test/support/identity.ts';
import { signInStaff, type SignedInStaff } from '../../../../test/support/staff.ts';
import { majorityDate } from './dates.ts';
import { PROFILE_LIMIT } from './profiles.ts';

let t: TestApp;
let moderator: SignedInStaff;

beforeAll(async () => {
  t = await createTestApp();
  moderator = await signInStaff(t.app, t.database.db, 'moderator');
});
afterAll(async () => t?.close());

async function customer(): Promise<Registered> {
  return registerCustomer(t.app, t.database.db);
}

describe('createFamilyProfile', () => {
  it("adds a child's profile that waits for the clinic's code, with guardianship until the 18th birthday", async () => {
    const parent = await customer();
    const birthDate = yearsAgo(5);
    const response = await client(t.app, parent.cookie)('POST', '/family-profiles', { name: '  Маша   Петрова ', birthDate, relation: 'child' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      name: 'Маша Петрова',
      birthDate,
      role: 'guardian',
      relation: 'child',
      status: 'awaiting_verification',
      verified: false,
      guardianshipEndsOn: majorityDate(birthDate),
      canDelete: true,
    });
    const id = response.json().id;
    const membership = await t.database.db.selectFrom('party_membership').selectAll().where('customer_id', '=', id).executeTakeFirstOrThrow();
    expect(membership).toMatchObject({ user_id: parent.userId, role: 'guardian', status: 'pending', pending_step: 'verification', valid_until: majorityDate(birthDate) });
    const profile = await t.database.db.selectFrom('party_customer').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(profile).toMatchObject({ kind: 'individual', status: 'pending', created_by: parent.userId });
    const audit = await t.database.db.selectFrom('audit_event').select(['event', 'actor_id']).where('subject_id', '=', id).execute();
    expect(audit).toEqual([{ event: 'family.profile_created', actor_id: parent.userId }]);
  });

  it("adds a parent's profile as a representative with no end date", async () => {
    const user = await customer();
    const response = await client(t.app, user.cookie)('POST', '/family-profiles', { name: uniqueName('Галина Сергеевна'), birthDate: yearsAgo(78), relation: 'parent' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ role: 'representative', relation: 'parent', guardianshipEndsOn: null });
  });

  it('refuses a birth date in the future and an adult child with field errors, creating nothing', async () => {
    const user = await customer();
    const call = client(t.app, user.cookie);
    const future = await call('POST', '/family-profiles', { name: 'Будущий Ребёнок', birthDate: yearsAgo(0, 2), relation: 'child' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([expect.objectContaining({ field: 'birthDate', code: 'birth_date_in_future', message: 'Дата рождения не может быть в будущем.' })]);
    const adult = await call('POST', '/family-profiles', { name: 'Взрослый Сын', birthDate: yearsAgo(18), relation: 'child' });
    expect(adult.statusCode).toBe(400);
    expect(adult.json().errors).toEqual([expect.objectContaining({ field: 'birthDate', code: 'child_adult' })]);
    const almost = await call('POST', '/family-profiles', { name: 'Почти Взрослый', birthDate: yearsAgo(18, 1), relation: 'child' });
    expect(almost.statusCode).toBe(201);
    const badDate = await call('POST', '/family-profiles', { name: 'Кто-то', birthDate: '2020-02-30', relation: 'child' });
    expect(badDate.statusCode).toBe(400);
    const noRelation = await call('POST', '/family-profiles', { name: 'Кто-то', birthDate: yearsAgo(3), relation: 'cousin' });
    expect(noRelation.statusCode).toBe(400);
    expect((await call('GET', '/family-profiles')).json().items).toHaveLength(1);
  });

  it('gives back the profile already added when the same person is sent again', async () => {
    const user = await customer();
    const body = { name: uniqueName('Пётр Сидоров'), birthDate: yearsAgo(9), relation: 'child' };
    const first = await client(t.app, user.cookie)('POST', '/family-profiles', body);
    const again = await client(t.app, user.cookie)('POST', '/family-profiles', { ...body, name: body.name.toUpperCase() });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const otherRelation = await client(t.app, user.cookie)('POST', '/family-profiles', { ...body, relation: 'other' });
    expect(otherRelation.statusCode).toBe(409);
    expect(otherRelation.json().code).toBe('profile_exists');
    expect((await client(t.app, user.cookie)('GET', '/family-profiles')).json().items).toHaveLength(1);
  });

  it(`allows at most ${PROFILE_LIMIT} relatives' profiles per user`, async () => {
    const user = await customer();
    for (let i = 0; i < PROFILE_LIMIT; i++) await addProfile(t.app, user.cookie);
    const over = await client(t.app, user.cookie)('POST', '/family-profiles', { name: uniqueName(), birthDate: yearsAgo(3), relation: 'child' });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'too_many_profiles', limit: PROFILE_LIMIT });
  });

  it('refuses staff and signed-out callers', async () => {
    const asStaff = await client(t.app, moderator.cookie)('POST', '/family-profiles', { name: 'Кто-то', birthDate: yearsAgo(3), relation: 'child' });
    expect(asStaff.statusCode).toBe(403);
    expect(asStaff.json().code).toBe('customers_only');
    expect((await client(t.app)('GET', '/family-profiles')).statusCode).toBe(401);
  });
});

describe('listFamilyProfiles', () => {
  it("shows only the caller's profiles", async () => {
    const one = await customer();
    const other = await customer();
    const mine = await addProfile(t.app, one.cookie);
    await addProfile(t.app, other.cookie);
    const list = await client(t.app, one.cookie)('GET', '/family-profiles');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((item: { id: string }) => item.id)).toEqual([mine]);
    expect(list.json().limit).toBe(PROFILE_LIMIT);
  });
});

describe('deleteFamilyProfile', () => {
  it('deletes a profile still awaiting verification, with its codes', async () => {
    const user = await customer();
    const id = await addProfile(t.app, user.cookie);
    await issueCode(t.app, moderator.cookie, id);
    const response = await client(t.app, user.cookie)('DELETE', `/family-profiles/${id}`);
    expect(response.statusCode).toBe(204);
    expect(await t.database.db.selectFrom('party_customer').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
    expect((await client(t.app, user.cookie)('GET', '/family-profiles')).json().items).toEqual([]);
    const audit = await t.database.db.selectFrom('audit_event').select('event').where('subject_id', '=', id).orderBy('id').execute();
    expect(audit.map((row) => row.event)).toEqual(['family.profile_created', 'family.code_issued', 'family.profile_deleted']);
  });

  it("refuses another user's profile as if it did not exist", async () => {
    const owner = await customer();
    const intruder = await customer();
    const id = await addProfile(t.app, owner.cookie);
    const response = await client(t.app, intruder.cookie)('DELETE', `/family-profiles/${id}`);
    expect(response.statusCode).toBe(404);
    expect(await t.database.db.selectFrom('party_customer').select('id').where('id', '=', id).executeTakeFirst()).toBeDefined();
  });

  it('refuses a verified profile: the user gives up access instead', async () => {
    const user = await customer();
    const id = await verifiedProfile(t.app, user.cookie, moderator.cookie);
    const response = await client(t.app, user.cookie)('DELETE', `/family-profiles/${id}`);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('profile_verified');
  });
});

describe('giveUpFamilyAccess', () => {
  it('ends the membership of a verified profile; the profile stays', async () => {
    const user = await customer();
    const id = await verifiedProfile(t.app, user.cookie, moderator.cookie, { relation: 'spouse', birthDate: yearsAgo(40) });
    expect((await client(t.app, user.cookie)('GET', `/customers/${id}`)).statusCode).toBe(200);
    const response = await client(t.app, user.cookie)('DELETE', `/customers/${id}/family-access`);
    expect(response.statusCode).toBe(204);
    expect((await client(t.app, user.cookie)('GET', `/customers/${id}`)).statusCode).toBe(404);
    expect((await client(t.app, user.cookie)('GET', '/family-profiles')).json().items).toEqual([]);
    const profile = await t.database.db.selectFrom('party_customer').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(profile.status).toBe('active');
  });

  it('refuses a pending profile: an unverified profile unlocks nothing', async () => {
    const user = await customer();
    const id = await addProfile(t.app, user.cookie);
    const response = await client(t.app, user.cookie)('DELETE', `/customers/${id}/family-access`);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'membership_pending', pendingStep: 'verification' });
  });
});

describe('representatives', () => {
  it('let the person who took over their profile see and remove a representative, who is told', async () => {
    const daughter = await customer();
    const mother = await customer();
    const id = await verifiedProfile(t.app, mother.cookie, moderator.cookie, { relation: 'other', birthDate: yearsAgo(30) });
    const taken = await redeem(t.app, daughter.cookie, await issueCode(t.app, moderator.cookie, id));
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toMatchObject({ purpose: 'takeover', profile: { id, role: 'self', status: 'verified' } });

    const list = await client(t.app, daughter.cookie)('GET', `/customers/${id}/representatives`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ userId: mother.userId, role: 'representative', relation: 'other', status: 'active' })]);
    // The representative may not manage the person's representatives.
    expect((await client(t.app, mother.cookie)('GET', `/customers/${id}/representatives`)).statusCode).toBe(403);

    const removed = await client(t.app, daughter.cookie)('DELETE', `/customers/${id}/representatives/${mother.userId}`);
    expect(removed.statusCode).toBe(204);
    expect((await client(t.app, mother.cookie)('GET', `/customers/${id}`)).statusCode).toBe(404);
    const mail = await t.database.db.selectFrom('mail_message').select('subject').where('to_address', '=', mother.email.toLowerCase()).orderBy('created_at', 'desc').executeTakeFirst();
    expect(mail?.subject).toBe('Доступ к профилю закрыт');
    expect((await client(t.app, daughter.cookie)('DELETE', `/customers/${id}/representatives/${mother.userId}`)).statusCode).toBe(404);
  });

  it("refuses a representative of another customer's profile", async () => {
    const person = await customer();
    const stranger = await customer();
    const relative = await customer();
    const own = await verifiedProfile(t.app, relative.cookie, moderator.cookie, { relation: 'parent', birthDate: yearsAgo(60) });
    await redeem(t.app, person.cookie, await issueCode(t.app, moderator.cookie, own));
    const strangers = await verifiedProfile(t.app, stranger.cookie, moderator.cookie, { relation: 'parent', birthDate: yearsAgo(61) });
    // The person's own profile, someone else's membership id: not found, nothing ended.
    const response = await client(t.app, person.cookie)('DELETE', `/customers/${own}/representatives/${stranger.userId}`);
    expect(response.statusCode).toBe(404);
    const theirs = await t.database.db.selectFrom('party_membership').select('status').where('customer_id', '=', strangers).where('user_id', '=', stranger.userId).executeTakeFirstOrThrow();
    expect(theirs.status).toBe('active');
  });
});
