import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { requireUser } from '../identity/index.ts';
import { CustomerNotActiveError, MembershipBlockedError, MembershipPendingError, PermissionDeniedError } from './errors.ts';
import { findMembership, hasLapsed, type Membership } from './memberships.ts';
import { ACTING, roleAllows, type Permission } from './roles.ts';
import type { PendingStep } from './tables.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's membership in the customer of a `/customers/:customerId/...` route. */
    membership: Membership | null;
  }
  interface FastifyContextConfig {
    /** Pending memberships at this step may use the route (e.g. printing papers before activation). */
    allowPendingStep?: PendingStep;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Guards every route whose path has `:customerId`: before validation, a caller who is not a member
 * of that customer gets 404 (the customer's existence is not confirmed), a member still waiting or
 * blocked gets 403. Handlers then call `requireMembership` for the permission they need.
 */
export const customerAccess = fp(async (app: FastifyInstance, options: { db: Db; timeZone: string }) => {
  app.decorateRequest('membership', null);
  // Built once: a formatter costs ~0.2 ms to make, far more than the membership query it guards.
  const calendar = new Intl.DateTimeFormat('sv-SE', { timeZone: options.timeZone });
  const context = { db: options.db, today: () => calendar.format(new Date()) };
  app.addHook('onRoute', (route) => {
    if (!route.url.includes(':customerId')) return;
    const guard = async (request: FastifyRequest) => {
      request.membership = await admit(request, context);
    };
    route.onRequest = [...toArray(route.onRequest), guard];
  });
});

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

async function admit(request: FastifyRequest, options: { db: Db; today: () => string }): Promise<Membership> {
  const { user } = requireUser(request);
  const customerId = (request.params as { customerId?: string }).customerId;
  if (!customerId || !UUID.test(customerId)) throw new NotFoundError();
  const membership = await findMembership(options.db, customerId, user.id);
  if (!membership || membership.status === 'ended' || hasLapsed(membership, options.today())) throw new NotFoundError();
  if (membership.status === 'blocked') throw new MembershipBlockedError();
  if (membership.status === 'pending' && membership.pendingStep !== request.routeOptions.config.allowPendingStep) {
    throw new MembershipPendingError(membership.pendingStep!);
  }
  return membership;
}

/** The caller's membership, checked for a permission; acting permissions also need an active customer. */
export function requireMembership(request: FastifyRequest, permission: Permission = 'view'): Membership {
  const membership = request.membership;
  // Only reachable if a route outside /customers/:customerId calls it: a programming error.
  if (!membership) throw new Error('requireMembership called on a route without :customerId');
  if (!roleAllows(membership.role, permission)) throw new PermissionDeniedError(permission);
  if (ACTING.has(permission) && membership.customer.status !== 'active') throw new CustomerNotActiveError(membership.customer.status);
  return membership;
}
