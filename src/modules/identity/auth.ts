import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { RequestOrigin } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { localeFrom } from '../../platform/i18n/index.ts';
import type { IdentityContext } from './context.ts';
import { PasswordChangeRequiredError, ReauthenticationRequiredError, TotpEnrollmentRequiredError, UnauthenticatedError } from './errors.ts';
import { findAuthenticated, isFresh, type Authenticated } from './sessions.ts';
import type { StaffRole } from './tables.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session behind the request's cookie, if any (any state). */
    auth: Authenticated | null;
  }
}

export interface AuthOptions {
  db: Db;
  secureCookies: boolean;
}

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-kabinet_session' : 'kabinet_session';
}

/** Reads the session cookie of every API request; guards below decide what a route needs. */
export const authentication = fp(async (app: FastifyInstance, options: AuthOptions) => {
  const cookieName = sessionCookieName(options.secureCookies);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[cookieName];
    if (!token || !request.url.startsWith('/api/')) return;
    request.auth = (await findAuthenticated(options.db, token, new Date())) ?? null;
  });
  // Who may call a staff route is published with it (`x-staff-roles`): API readers and the access tests see it.
  app.addHook('onRoute', (route) => {
    const hooks = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    const guard = hooks.find((hook): hook is StaffGuard => 'staffRoles' in hook);
    if (guard && route.schema) route.schema = { ...route.schema, 'x-staff-roles': [...guard.staffRoles] } as FastifySchema;
  });
});

type StaffGuard = ((request: FastifyRequest) => Promise<void>) & { staffRoles: readonly StaffRole[] };

export function setSessionCookie(reply: FastifyReply, secure: boolean, session: { token: string; maxAgeSeconds: number | undefined }) {
  reply.setCookie(sessionCookieName(secure), session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    ...(session.maxAgeSeconds ? { maxAge: session.maxAgeSeconds } : {}),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(sessionCookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function originOf(request: FastifyRequest): RequestOrigin {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

export function identityContext(request: FastifyRequest, deps: { db: Db; jobs: Jobs }): IdentityContext {
  return { db: deps.db, jobs: deps.jobs, now: new Date(), origin: originOf(request), locale: localeFrom(request.headers['accept-language']) };
}

/**
 * A fully signed-in user: second factor passed, no forced password change, and staff with TOTP on
 * (except on the routes that let them turn it on: `allowWithoutTotp`).
 */
export function requireUser(request: FastifyRequest, options: { allowWithoutTotp?: boolean; allowPasswordChangePending?: boolean } = {}): Authenticated {
  const auth = request.auth;
  if (!auth || auth.session.state !== 'active') throw new UnauthenticatedError();
  if (auth.user.mustChangePassword && !options.allowPasswordChangePending) throw new PasswordChangeRequiredError();
  if (auth.user.kind === 'staff' && !auth.user.totpEnabled && !options.allowWithoutTotp) throw new TotpEnrollmentRequiredError();
  return auth;
}

export function requireStaff(request: FastifyRequest, roles: readonly StaffRole[]): Authenticated {
  const auth = requireUser(request);
  // Customers and staff of other roles do not learn that the route exists.
  if (auth.user.kind !== 'staff' || !auth.user.staffRole || !roles.includes(auth.user.staffRole)) throw new NotFoundError();
  return auth;
}

/** Sensitive changes (password, email, phone, two-factor) need a recent sign-in. */
export function requireFreshLogin(auth: Authenticated, now: Date): void {
  if (!isFresh(auth.session, now)) throw new ReauthenticationRequiredError();
}

/**
 * An onRequest hook for staff routes: it runs before validation, so a caller without the role gets
 * 404 whatever they send and a route's body schema cannot be probed. Handlers call requireStaff
 * again for the typed actor.
 */
export function staffOnly(roles: readonly StaffRole[]): StaffGuard {
  const guard = async (request: FastifyRequest) => {
    requireStaff(request, roles);
  };
  return Object.assign(guard, { staffRoles: roles });
}
