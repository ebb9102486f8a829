import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { ORIGIN, registerCustomer } from '../../../test/support/identity.ts';
import { addMember, createCustomer } from '../../../test/support/parties.ts';
import { signInStaff, type SignedInStaff } from '../../../test/support/staff.ts';
import { createApiToken, hashApiToken } from './tokens.ts';

let t: TestApp;
let admin: SignedInStaff;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signInStaff(t.app, t.database.db, 'administrator');
});
afterAll(async () => t?.close());

function whoami(token: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url: '/api/v1/integration/whoami', headers: { authorization: `Bearer ${token}`, ...headers } });
}

async function createViaBackoffice(body: Record<string, unknown>, cookie = admin.cookie) {
  return t.app.inject({ method: 'POST', url: '/api/v1/backoffice/integration/tokens', headers: { origin: ORIGIN, cookie }, payload: body });
}

describe('createApiToken', () => {
  it('shows the token once and keeps only its hash', async () => {
    const response = await createViaBackoffice({ name: 'Биллинг', scopes: ['ledger:write', 'accounts:read'] });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.token).toMatch(/^kbt_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: 'Биллинг', scopes: ['ledger:write', 'accounts:read'], status: 'active', createdBy: admin.userId, lastUsedAt: null });
    expect(created.hint).toBe(`kbt_…${created.token.slice(-4)}`);

    const row = await t.database.db.selectFrom('integration_api_token').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashApiToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/backoffice/integration/tokens', headers: { cookie: admin.cookie } });
    expect(list.statusCode).toBe(200);
    const listed = list.json().items.find((item: { id: string }) => item.id === created.id);
    expect(listed).toMatchObject({ name: 'Биллинг', status: 'active' });
    expect(listed.token).toBeUndefined();
    expect(list.body).not.toContain(created.token);

    const audit = await t.database.db.selectFrom('audit_event').select('event').where('actor_id', '=', admin.userId).where('event', '=', 'integration.token_created').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('refuses an empty name, unknown scopes and an expiry in the past with field errors, creating nothing', async () => {
    const before = await t.database.db.selectFrom('integration_api_token').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const response = await createViaBackoffice({ name: '  ', scopes: ['ledger:write', 'root'], expiresAt: '2020-01-01T00:00:00Z' });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(['name', 'scopes', 'expiresAt']);
    expect(response.json().errors[0].message).toMatch(/Название/);
    const none = await createViaBackoffice({ name: 'Без прав', scopes: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0]).toMatchObject({ field: 'scopes', code: 'required' });
    const after = await t.database.db.selectFrom('integration_api_token').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('integrationAuth', () => {
  it('admits a live token and tells its name and scopes; records when it was last used', async () => {
    const created = await createApiToken({ db: t.database.db, now: new Date(), actorId: null }, { name: '1С', scopes: ['usage:write'] });
    const response = await whoami(created.token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ tokenId: created.id, name: '1С', scopes: ['usage:write'] });
    const row = await t.database.db.selectFrom('integration_api_token').select('last_used_at').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.last_used_at).not.toBeNull();
    // Within the minute, the second call does not move it.
    await whoami(created.token);
    const again = await t.database.db.selectFrom('integration_api_token').select('last_used_at').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(again.last_used_at).toEqual(row.last_used_at);
  });

  it('answers 401 with a Bearer challenge to a missing, unknown, revoked or expired token', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/integration/whoami' });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().code).toBe('api_token_required');
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="kabinet"');

    const unknown = await whoami(`kbt_${'A'.repeat(43)}`);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('api_token_invalid');
    expect(unknown.headers['www-authenticate']).toContain('error="invalid_token"');
    expect((await whoami('garbage')).statusCode).toBe(401);

    const created = (await createViaBackoffice({ name: 'Отзываемый', scopes: ['accounts:read'] })).json();
    expect((await whoami(created.token)).statusCode).toBe(200);
    const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/backoffice/integration/tokens/${created.id}/revoke`, headers: { origin: ORIGIN, cookie: admin.cookie } });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked' });
    const afterRevoke = await whoami(created.token);
    expect(afterRevoke.statusCode).toBe(401);
    expect(afterRevoke.json().code).toBe('api_token_invalid');

    const soon = new Date(Date.now() + 60_000);
    const expiring = await createApiToken({ db: t.database.db, now: new Date(), actorId: null }, { name: 'Истекающий', scopes: ['accounts:read'], expiresAt: soon });
    await t.database.db.updateTable('integration_api_token').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', expiring.id).execute();
    expect((await whoami(expiring.token)).statusCode).toBe(401);
  });

  it('refuses a session cookie on an integration route and a bearer token on a cabinet route', async () => {
    const customer = await registerCustomer(t.app, t.database.db);
    const cookieOnly = await t.app.inject({ method: 'GET', url: '/api/v1/integration/whoami', headers: { cookie: admin.cookie } });
    expect(cookieOnly.statusCode).toBe(401);
    const customerCookie = await t.app.inject({ method: 'GET', url: '/api/v1/integration/whoami', headers: { cookie: customer.cookie } });
    expect(customerCookie.statusCode).toBe(401);

    const customerId = await createCustomer(t.database.db);
    await addMember(t.database.db, customerId, customer.userId);
    await createAccount(t.database.db, customerId, {});
    const withCookie = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${customerId}/accounts`, headers: { cookie: customer.cookie } });
    expect(withCookie.statusCode).toBe(200);
    const created = await createApiToken({ db: t.database.db, now: new Date(), actorId: null }, { name: 'Всё', scopes: ['accounts:read', 'accounts:write'] });
    const withBearer = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${customerId}/accounts`, headers: { authorization: `Bearer ${created.token}` } });
    expect(withBearer.statusCode).toBe(401);
    const staffRoute = await t.app.inject({ method: 'GET', url: '/api/v1/backoffice/integration/tokens', headers: { authorization: `Bearer ${created.token}` } });
    expect(staffRoute.statusCode).toBe(401);
  });
});

describe('integration back office access', () => {
  it('is for administrators only: customer and moderator get 404, signed-out 401', async () => {
    const customer = await registerCustomer(t.app, t.database.db);
    const moderator = await signInStaff(t.app, t.database.db, 'moderator');
    const accountant = await signInStaff(t.app, t.database.db, 'accountant');
    for (const url of ['/api/v1/backoffice/integration/tokens', '/api/v1/backoffice/integration/catalog']) {
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie: customer.cookie } })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie: moderator.cookie } })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie: accountant.cookie } })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    expect((await createViaBackoffice({ name: 'x', scopes: ['ledger:write'] }, moderator.cookie)).statusCode).toBe(404);
    const catalog = await t.app.inject({ method: 'GET', url: '/api/v1/backoffice/integration/catalog', headers: { cookie: admin.cookie } });
    expect(catalog.json().scopes).toContainEqual({ scope: 'ledger:write', title: 'Проводить платежи и начисления' });
    expect(catalog.json().eventTypes).toContain('payment.succeeded');
  });
});
