import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, lastMail } from '../../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addProfile, expireCodes, issueCode, redeem, verifiedProfile, yearsAgo } from '../../../../test/support/family.ts';
import { registerCustomer, type Registered } from '../../../../test/support/identity.ts';
import { signInStaff, type SignedInStaff } from '../../../../test/support/staff.ts';
import { CODE_ALPHABET, formatProfileCode } from './codes.ts';

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

/** A well-formed code nobody issued. */
function madeUpCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += CODE_ALPHABET[Math.floor(Math.random() * CODE_ALPHABET.length)];
  return formatProfileCode(code);
}

describe('redeemProfileCode: verification', () => {
  it('verifies the profile: membership and profile active, code used, mail and audit, in one go', async () => {
    const parent = await customer();
    const id = await addProfile(t.app, parent.cookie, { name: 'Маша Петрова' });
    expect((await client(t.app, parent.cookie)('GET', `/customers/${id}`)).json().code).toBe('membership_pending');
    const code = await issueCode(t.app, moderator.cookie, id);
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/);

    // Typed in lower case, without the dashes, with a Cyrillic look-alike: still the same code.
    const typed = code.replaceAll('-', ' ').toLowerCase().replace('k', 'к');
    const response = await redeem(t.app, parent.cookie, typed);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ purpose: 'verification', profile: { id, status: 'verified', verified: true, role: 'guardian' } });

    const db = t.database.db;
    expect(await db.selectFrom('party_customer').select(['status', 'decided_by']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'active', decided_by: moderator.userId });
    expect(await db.selectFrom('party_membership').select(['status', 'pending_step']).where('customer_id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'active', pending_step: null });
    const stored = await db.selectFrom('party_profile_code').select(['used_by', 'used_at']).where('customer_id', '=', id).executeTakeFirstOrThrow();
    expect(stored.used_by).toBe(parent.userId);
    expect((await lastMail(db, parent.email))?.subject).toBe('Профиль подтверждён');
    expect((await lastMail(db, parent.email))?.text_body).toContain('Маша Петрова');
    const events = await db.selectFrom('audit_event').select('event').where('subject_id', '=', id).orderBy('id').execute();
    expect(events.map((row) => row.event)).toEqual(['family.profile_created', 'family.code_issued', 'family.profile_verified']);

    const card = await client(t.app, parent.cookie)('GET', `/customers/${id}`);
    expect(card.statusCode).toBe(200);
    expect(card.json()).toMatchObject({ kind: 'individual', status: 'active', role: 'guardian' });
  });

  it('answers a retry of the same redemption the same way, with no second effect', async () => {
    const parent = await customer();
    const id = await addProfile(t.app, parent.cookie);
    const code = await issueCode(t.app, moderator.cookie, id);
    const first = await redeem(t.app, parent.cookie, code);
    const again = await redeem(t.app, parent.cookie, code);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const mails = await t.database.db.selectFrom('mail_message').select('id').where('to_address', '=', parent.email.toLowerCase()).where('subject', '=', 'Профиль подтверждён').execute();
    expect(mails).toHaveLength(1);
    const verified = await t.database.db.selectFrom('audit_event').select('id').where('subject_id', '=', id).where('event', '=', 'family.profile_verified').execute();
    expect(verified).toHaveLength(1);
  });

  it('refuses a code another user already used, an expired code and a replaced one, clearly', async () => {
    const parent = await customer();
    const other = await customer();
    const id = await addProfile(t.app, parent.cookie);
    const code = await issueCode(t.app, moderator.cookie, id);
    await redeem(t.app, parent.cookie, code);
    const used = await redeem(t.app, other.cookie, code);
    expect(used.statusCode).toBe(410);
    expect(used.json()).toMatchObject({ code: 'code_used', title: 'Этот код уже использован. Попросите в клинике новый.' });

    const late = await addProfile(t.app, parent.cookie);
    const expiring = await issueCode(t.app, moderator.cookie, late);
    await expireCodes(t.database.db, late);
    const expired = await redeem(t.app, parent.cookie, expiring);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().code).toBe('code_expired');

    const replacedCode = await issueCode(t.app, moderator.cookie, late);
    const newest = await issueCode(t.app, moderator.cookie, late);
    const replaced = await redeem(t.app, parent.cookie, replacedCode);
    expect(replaced.statusCode).toBe(410);
    expect(replaced.json().code).toBe('code_replaced');
    expect((await redeem(t.app, parent.cookie, newest)).statusCode).toBe(200);
  });

  it("refuses a code for a profile someone else added: it verifies nothing of theirs", async () => {
    const mother = await customer();
    const father = await customer();
    const id = await addProfile(t.app, mother.cookie);
    await addProfile(t.app, father.cookie);
    const code = await issueCode(t.app, moderator.cookie, id);
    const response = await redeem(t.app, father.cookie, code);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('code_for_another_profile');
    expect((await client(t.app, father.cookie)('GET', `/customers/${id}`)).statusCode).toBe(404);
    // The code still works for the one it was issued for.
    expect((await redeem(t.app, mother.cookie, code)).statusCode).toBe(200);
  });

  it('refuses malformed codes with a field error, without counting them', async () => {
    const user = await customer();
    const response = await redeem(t.app, user.cookie, 'ABC');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'code', code: 'code_format' })]);
    const counters = await t.database.db.selectFrom('throttle_counter').select('key').where('key', '=', `profile-code:user:${user.userId}`).execute();
    expect(counters).toEqual([]);
  });

  it('counts wrong codes per user, commits the count although the request fails, and then refuses even a right code', async () => {
    const user = await customer();
    const id = await addProfile(t.app, user.cookie);
    const code = await issueCode(t.app, moderator.cookie, id);
    for (let i = 0; i < 10; i++) {
      const wrong = await redeem(t.app, user.cookie, madeUpCode());
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json()).toMatchObject({ code: 'invalid_code', errors: [expect.objectContaining({ field: 'code', code: 'invalid_code' })] });
    }
    const counter = await t.database.db.selectFrom('throttle_counter').select('hits').where('key', '=', `profile-code:user:${user.userId}`).executeTakeFirstOrThrow();
    expect(counter.hits).toBe(10);
    const throttled = await redeem(t.app, user.cookie, code);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBeDefined();
    const refused = await t.database.db.selectFrom('audit_event').select('id').where('subject_id', '=', user.userId).where('event', '=', 'family.code_refused').execute();
    expect(refused).toHaveLength(10);
  });

  it('refuses staff', async () => {
    const response = await redeem(t.app, moderator.cookie, madeUpCode());
    expect(response.statusCode).toBe(403);
  });
});

describe('redeemProfileCode: takeover', () => {
  it("gives the grown-up person their profile, ends the lapsed guardianship and keeps a representative", async () => {
    const db = t.database.db;
    const father = await customer();
    const aunt = await customer();
    const son = await customer();
    // Added as a child 17 years and 364 days old, verified; then he came of age.
    const id = await verifiedProfile(t.app, father.cookie, moderator.cookie, { name: 'Илья Смирнов', birthDate: yearsAgo(18, 1) });
    await db.updateTable('party_customer').set({ birth_date: yearsAgo(18) }).where('id', '=', id).execute();
    await db.updateTable('party_membership').set({ valid_until: yearsAgo(0) }).where('customer_id', '=', id).execute();
    await db.insertInto('party_membership').values({ customer_id: id, user_id: aunt.userId, role: 'representative', status: 'active', relation: 'other', created_at: new Date(), updated_at: new Date() }).execute();
    // The guard already refuses the lapsed guardianship.
    expect((await client(t.app, father.cookie)('GET', `/customers/${id}`)).statusCode).toBe(404);

    const code = await issueCode(t.app, moderator.cookie, id);
    const response = await redeem(t.app, son.cookie, code);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ purpose: 'takeover', profile: { id, role: 'self', relation: null, status: 'verified', guardianshipEndsOn: null } });

    const members = await db.selectFrom('party_membership').select(['user_id', 'role', 'status']).where('customer_id', '=', id).execute();
    expect(members).toEqual(
      expect.arrayContaining([
        { user_id: father.userId, role: 'guardian', status: 'ended' },
        { user_id: aunt.userId, role: 'representative', status: 'active' },
        { user_id: son.userId, role: 'self', status: 'active' },
      ]),
    );
    expect((await client(t.app, son.cookie)('GET', `/customers/${id}`)).json()).toMatchObject({ role: 'self' });
    expect((await lastMail(db, son.email))?.subject).toBe('Ваш профиль теперь у вас');
    const event = await db.selectFrom('audit_event').select('details').where('subject_id', '=', id).where('event', '=', 'family.profile_taken_over').executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({ guardianshipsEnded: [father.userId] });
    // Once someone owns the profile, no further takeover code is issued.
    const again = await client(t.app, moderator.cookie)('POST', `/backoffice/profiles/${id}/codes`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('profile_has_owner');
  });

  it('refuses a takeover code once the profile shows a minor (the birth date was corrected)', async () => {
    const db = t.database.db;
    const parent = await customer();
    const id = await verifiedProfile(t.app, parent.cookie, moderator.cookie, { relation: 'other', birthDate: yearsAgo(20) });
    const code = await issueCode(t.app, moderator.cookie, id);
    await db.updateTable('party_customer').set({ birth_date: yearsAgo(15) }).where('id', '=', id).execute();
    const response = await redeem(t.app, (await customer()).cookie, code);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('profile_not_adult');
    // No takeover code is issued for a child either.
    const issue = await client(t.app, moderator.cookie)('POST', `/backoffice/profiles/${id}/codes`);
    expect(issue.statusCode).toBe(409);
    expect(issue.json().code).toBe('profile_not_adult');
  });
});
