import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addProfile, verifiedProfile, yearsAgo } from '../../../../test/support/family.ts';
import { registerCustomer } from '../../../../test/support/identity.ts';
import { signInStaff, type SignedInStaff } from '../../../../test/support/staff.ts';
import { endGuardianships } from './guardianship.ts';

let t: TestApp;
let moderator: SignedInStaff;

beforeAll(async () => {
  t = await createTestApp();
  moderator = await signInStaff(t.app, t.database.db, 'moderator');
});
afterAll(async () => t?.close());

describe('endGuardianships', () => {
  it("ends guardianships from the child's 18th birthday on, closes a profile nobody verified in time, and is idempotent", async () => {
    const db = t.database.db;
    const parent = await registerCustomer(t.app, db);
    const grownUp = await verifiedProfile(t.app, parent.cookie, moderator.cookie, { birthDate: yearsAgo(10) });
    const stillChild = await verifiedProfile(t.app, parent.cookie, moderator.cookie, { birthDate: yearsAgo(17) });
    const unverified = await addProfile(t.app, parent.cookie, { birthDate: yearsAgo(12) });
    const grandmother = await verifiedProfile(t.app, parent.cookie, moderator.cookie, { relation: 'parent', birthDate: yearsAgo(80) });
    // Time passes: two of the children come of age today.
    for (const id of [grownUp, unverified]) await db.updateTable('party_membership').set({ valid_until: yearsAgo(0) }).where('customer_id', '=', id).execute();
    await db.updateTable('party_membership').set({ valid_until: yearsAgo(0, 1) }).where('customer_id', '=', stillChild).execute();

    const list = await client(t.app, parent.cookie)('GET', '/family-profiles');
    expect(list.json().items.find((item: { id: string }) => item.id === grownUp)).toMatchObject({ status: 'guardianship_ended', verified: false });

    await endGuardianships(db, 'Europe/Moscow', new Date());
    expect(await endGuardianships(db, 'Europe/Moscow', new Date())).toBe(0);

    const status = async (id: string) =>
      (await db.selectFrom('party_membership').select('status').where('customer_id', '=', id).where('user_id', '=', parent.userId).executeTakeFirstOrThrow()).status;
    expect(await status(grownUp)).toBe('ended');
    expect(await status(unverified)).toBe('ended');
    expect(await status(stillChild)).toBe('active');
    expect(await status(grandmother)).toBe('active');
    const closed = await db.selectFrom('party_customer').select(['status', 'status_reason']).where('id', '=', unverified).executeTakeFirstOrThrow();
    expect(closed).toEqual({ status: 'rejected', status_reason: 'Ребёнку исполнилось 18 лет до подтверждения профиля' });
    expect((await db.selectFrom('party_customer').select('status').where('id', '=', grownUp).executeTakeFirstOrThrow()).status).toBe('active');
    const events = await db.selectFrom('audit_event').select('event').where('subject_id', '=', grownUp).where('event', '=', 'family.guardianship_ended').execute();
    expect(events).toHaveLength(1);

    const after = (await client(t.app, parent.cookie)('GET', '/family-profiles')).json().items.map((item: { id: string; status: string }) => [item.id, item.status]);
    expect(after).toEqual(
      expect.arrayContaining([
        [stillChild, 'verified'],
        [unverified, 'rejected'],
        [grandmother, 'verified'],
      ]),
    );
    expect(after.map(([id]: [string]) => id)).not.toContain(grownUp);
  });
});
