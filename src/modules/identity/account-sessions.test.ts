import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, signIn } from '../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { registerCustomer } from '../../../test/support/identity.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function sessionIds(cookie: string): Promise<Array<{ id: string; current: boolean }>> {
  return (await client(t.app, cookie)('GET', '/account/sessions')).json().items;
}

describe('listSessions', () => {
  it('lists live sessions and marks the current one', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const other = await signIn(t.app, user.email, user.password);
    const response = await client(t.app, user.cookie)('GET', '/account/sessions');
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items).toHaveLength(2);
    expect(items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(items[0]).toEqual({ id: expect.any(String), createdAt: expect.any(String), lastSeenAt: expect.any(String), ip: '127.0.0.1', userAgent: 'lightMyRequest', current: expect.any(Boolean) });
    const fromOther = await sessionIds(other);
    expect(fromOther.find((s) => s.current)?.id).not.toBe(items.find((s: { current: boolean }) => s.current).id);
  });
});

describe('endSessionById', () => {
  it('ends one of my other sessions', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const other = await signIn(t.app, user.email, user.password);
    const target = (await sessionIds(user.cookie)).find((s) => !s.current)!;
    expect((await client(t.app, user.cookie)('DELETE', `/account/sessions/${target.id}`)).statusCode).toBe(204);
    expect((await client(t.app, other)('GET', '/account')).statusCode).toBe(401);
    expect((await client(t.app, user.cookie)('GET', '/account')).statusCode).toBe(200);
    expect(await sessionIds(user.cookie)).toHaveLength(1);
    expect((await client(t.app, user.cookie)('DELETE', `/account/sessions/${target.id}`)).statusCode).toBe(404);
  });

  it("answers 404 for another person's session and leaves it alive", async () => {
    const victim = await registerCustomer(t.app, t.database.db);
    const attacker = await registerCustomer(t.app, t.database.db);
    const victimSession = (await sessionIds(victim.cookie))[0]!;
    const response = await client(t.app, attacker.cookie)('DELETE', `/account/sessions/${victimSession.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('session_not_found');
    expect((await client(t.app, victim.cookie)('GET', '/account')).statusCode).toBe(200);
    const row = await t.database.db.selectFrom('identity_session').select(['ended_at']).where('id', '=', victimSession.id).executeTakeFirstOrThrow();
    expect(row.ended_at).toBeNull();
  });

  it('ending the current session signs this browser out', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const current = (await sessionIds(user.cookie)).find((s) => s.current)!;
    const response = await client(t.app, user.cookie)('DELETE', `/account/sessions/${current.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.cookies).toEqual([expect.objectContaining({ name: 'kabinet_session', value: '' })]);
    expect((await client(t.app, user.cookie)('GET', '/account')).statusCode).toBe(401);
  });
});

describe('endOtherSessions', () => {
  it('ends every session but this one, and only mine', async () => {
    const user = await registerCustomer(t.app, t.database.db);
    const second = await signIn(t.app, user.email, user.password);
    const third = await signIn(t.app, user.email, user.password);
    const bystander = await registerCustomer(t.app, t.database.db);
    const response = await client(t.app, user.cookie)('POST', '/account/sessions/end-others');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ended: 2 });
    for (const cookie of [second, third]) expect((await client(t.app, cookie)('GET', '/account')).statusCode).toBe(401);
    expect((await client(t.app, user.cookie)('GET', '/account')).statusCode).toBe(200);
    expect((await client(t.app, bystander.cookie)('GET', '/account')).statusCode).toBe(200);
  });
});
