import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { ORIGIN, registerCustomer } from '../../../test/support/identity.ts';
import { signInStaff } from '../../../test/support/staff.ts';
import type { StaffRole } from '../identity/tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  'x-staff-roles'?: StaffRole[];
}

const STAFF_ROLES: StaffRole[] = ['administrator', 'moderator', 'operator', 'accountant'];

function backofficeOperations() {
  const spec = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(spec.paths)
    .filter(([path]) => path.startsWith('/api/v1/backoffice'))
    .flatMap(([path, operations]) => Object.entries(operations).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })));
}

/** Calls an operation with a made-up id and an empty body; access is decided before validation. */
function call(route: { path: string; method: string }, cookie?: string) {
  return t.app.inject({
    method: route.method as 'GET',
    url: route.path.replace(/\{[^}]+\}/g, uuidv7()),
    headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}) },
    ...(route.method === 'GET' ? {} : { payload: {} }),
  });
}

function mentionsPassword(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(mentionsPassword);
  if (schema === null || typeof schema !== 'object') return false;
  return Object.entries(schema).some(([key, value]) => /password/i.test(key) || mentionsPassword(value));
}

describe('backofficeRoutes', () => {
  it('has the routes this test walks', () => {
    expect(backofficeOperations().length).toBeGreaterThanOrEqual(10);
  });

  it('answers 404 to customers on every back-office route, whatever the body', async () => {
    const customer = await registerCustomer(t.app, t.database.db);
    for (const route of backofficeOperations()) {
      const response = await call(route, customer.cookie);
      expect({ route: `${route.method} ${route.path}`, status: response.statusCode }).toEqual({ route: `${route.method} ${route.path}`, status: 404 });
    }
  });

  it('publishes who may call each route, and answers 404 to every other staff role and 401 to the signed-out', async () => {
    const cookies = new Map<StaffRole, string>();
    for (const role of STAFF_ROLES) cookies.set(role, (await signInStaff(t.app, t.database.db, role)).cookie);
    for (const route of backofficeOperations()) {
      const allowed = route.operation['x-staff-roles'];
      expect(allowed, `${route.method} ${route.path} names its roles`).toBeDefined();
      for (const role of STAFF_ROLES.filter((role) => !allowed!.includes(role))) {
        expect((await call(route, cookies.get(role))).statusCode, `${role}: ${route.method} ${route.path}`).toBe(404);
      }
      expect((await call(route)).statusCode, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it('keeps staff management and the outbox to administrators', async () => {
    for (const role of ['moderator', 'operator'] as const) {
      const staff = await signInStaff(t.app, t.database.db, role);
      for (const route of backofficeOperations().filter(({ path }) => /^\/api\/v1\/backoffice\/(staff|outbox)/.test(path))) {
        expect((await call(route, staff.cookie)).statusCode, `${role}: ${route.method} ${route.path}`).toBe(404);
      }
      const users = await t.app.inject({ url: '/api/v1/backoffice/users', headers: { cookie: staff.cookie } });
      expect(users.statusCode).toBe(200);
    }
  });

  it('accepts no password anywhere: staff can neither set nor see one', () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    for (const route of backofficeOperations()) expect(mentionsPassword(route.operation), `${route.method} ${route.path}`).toBe(false);
    expect(Object.keys(spec.paths).some((path) => path.startsWith('/api/v1/backoffice') && /password/i.test(path))).toBe(false);
  });
});
