import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { ORIGIN, registerCustomer, type Registered } from '../../../test/support/identity.ts';
import { addMember, createCustomer } from '../../../test/support/parties.ts';

let t: TestApp;
let company: string;
let head: Registered;
let stranger: Registered;
let applicant: Registered;
let blockedMember: Registered;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  head = await registerCustomer(t.app, db);
  stranger = await registerCustomer(t.app, db);
  applicant = await registerCustomer(t.app, db);
  blockedMember = await registerCustomer(t.app, db);
  company = await createCustomer(db);
  const strangersCompany = await createCustomer(db);
  await addMember(db, company, head.userId, { role: 'head' });
  await addMember(db, strangersCompany, stranger.userId, { role: 'head' });
  await addMember(db, company, applicant.userId, { pendingStep: 'join_approval' });
  await addMember(db, company, blockedMember.userId, { blocked: true });
});
afterAll(async () => t?.close());

interface Operation {
  operationId?: string;
}

/** Every operation in the published API whose path names a customer: new routes join automatically. */
function customerScopedOperations() {
  const spec = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(spec.paths)
    .filter(([path]) => path.includes('{customerId}'))
    .flatMap(([path, operations]) => Object.entries(operations).map(([method, operation]) => ({ path, method: method.toUpperCase(), id: operation.operationId ?? path })));
}

/** Calls an operation for `customerId` with made-up ids for anything nested and an empty body. */
function call(route: { path: string; method: string }, customerId: string, cookie?: string) {
  return t.app.inject({
    method: route.method as 'GET',
    url: route.path.replace('{customerId}', customerId).replace(/\{[^}]+\}/g, uuidv7()),
    headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}) },
    ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
  });
}

describe('customer-scoped routes', () => {
  it('all name the customer as {customerId}, so the access guard sees them', () => {
    const spec = t.app.swagger() as { paths: Record<string, unknown> };
    const misnamed = Object.keys(spec.paths).filter((path) => /\{(customer|customer_id|customerID|company|companyId)\}/.test(path));
    expect(misnamed).toEqual([]);
    expect(customerScopedOperations().map((route) => route.id)).toContain('getCustomerForMember');
  });

  it("refuse another customer's session as if the customer did not exist", async () => {
    for (const route of customerScopedOperations()) {
      const response = await call(route, company, stranger.cookie);
      expect({ route: route.id, status: response.statusCode, code: response.json().code }).toEqual({ route: route.id, status: 404, code: 'not_found' });
    }
  });

  it('refuse a member whose join request is not yet approved', async () => {
    for (const route of customerScopedOperations()) {
      const response = await call(route, company, applicant.cookie);
      expect({ route: route.id, status: response.statusCode, code: response.json().code }).toEqual({ route: route.id, status: 403, code: 'membership_pending' });
    }
  });

  it('refuse a blocked member', async () => {
    for (const route of customerScopedOperations()) {
      const response = await call(route, company, blockedMember.cookie);
      expect({ route: route.id, status: response.statusCode }).toEqual({ route: route.id, status: 403 });
    }
  });

  it('refuse a signed-out caller and ids that are not customers', async () => {
    for (const route of customerScopedOperations()) {
      expect((await call(route, company)).statusCode, route.id).toBe(401);
      expect((await call(route, 'not-a-uuid', head.cookie)).statusCode, route.id).toBe(404);
      expect((await call(route, uuidv7(), head.cookie)).statusCode, route.id).toBe(404);
    }
  });

  it('let the head read the company, with the role and what it allows', async () => {
    const response = await client(t.app, head.cookie)('GET', `/customers/${company}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: company, kind: 'legal_entity', status: 'active', role: 'head' });
    expect(response.json().permissions).toContain('manage_members');
  });
});

describe('GET /me/customers', () => {
  it('lists only the caller’s own memberships, pending ones with the step they wait at', async () => {
    const mine = await client(t.app, applicant.cookie)('GET', '/me/customers');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toEqual([expect.objectContaining({ customer: expect.objectContaining({ id: company }), status: 'pending', pendingStep: 'join_approval' })]);
    const theirs = await client(t.app, stranger.cookie)('GET', '/me/customers');
    expect(theirs.json().items.map((item: { customer: { id: string } }) => item.customer.id)).not.toContain(company);
  });
});
