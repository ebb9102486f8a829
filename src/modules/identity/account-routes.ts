import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { NoContent, problems } from '../../platform/http/schemas.ts';
import { changePassword, getAccount, reauthenticate, reportHacked, setNotificationPreferences, updateProfile } from './account.ts';
import {
  ActivityQuery,
  ActivityResponse,
  ChangePasswordBody,
  EndedSessionsResponse,
  NotificationPreferences,
  ProfileResponse,
  ReauthenticateBody,
  ReportHackedBody,
  SessionParams,
  SessionsResponse,
  UpdateProfileBody,
} from './account-schemas.ts';
import { endOtherSessions, endSessionById, findActivity, listSessions } from './account-sessions.ts';
import { clearSessionCookie, identityContext, requireUser } from './auth.ts';
import { contactRoutes } from './contact-routes.ts';
import { UnauthenticatedError } from './errors.ts';
import type { IdentityRouteOptions } from './routes.ts';
import type { Authenticated } from './sessions.ts';
import { twoFactorRoutes } from './two-factor-routes.ts';

const tags = ['account'];

/**
 * The one guard that lets through a user who must change the password (and staff still without
 * TOTP): the password form is how they get out of that state.
 */
function requirePasswordChanger(request: FastifyRequest): Authenticated {
  const auth = request.auth;
  if (!auth || auth.session.state !== 'active') throw new UnauthenticatedError();
  return auth;
}

/** The signed-in person's own account: profile, password, sessions, activity, preferences. */
export const accountRoutes: FastifyPluginAsyncTypebox<IdentityRouteOptions> = async (app, deps) => {
  const { secureCookies } = deps;

  app.post(
    '/identity/reauthenticate',
    { schema: { tags, operationId: 'reauthenticate', body: ReauthenticateBody, response: { 204: NoContent, ...problems(400, 401, 403, 429, 503) } } },
    async (request, reply) => {
      await reauthenticate(identityContext(request, deps), requireUser(request, { allowWithoutTotp: true }), request.body);
      return reply.status(204).send(null);
    },
  );

  app.get('/account', { schema: { tags, operationId: 'getAccount', response: { 200: ProfileResponse, ...problems(401, 403) } } }, async (request) =>
    getAccount(identityContext(request, deps), requireUser(request, { allowWithoutTotp: true })),
  );

  app.patch(
    '/account',
    { schema: { tags, operationId: 'updateAccount', body: UpdateProfileBody, response: { 200: ProfileResponse, ...problems(400, 401, 403) } } },
    async (request) => updateProfile(identityContext(request, deps), requireUser(request), request.body),
  );

  app.post(
    '/account/password',
    { schema: { tags, operationId: 'changePassword', body: ChangePasswordBody, response: { 204: NoContent, ...problems(400, 401, 429, 503) } } },
    async (request, reply) => {
      await changePassword(identityContext(request, deps), requirePasswordChanger(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/account/notifications',
    { schema: { tags, operationId: 'setNotificationPreferences', body: NotificationPreferences, response: { 200: NotificationPreferences, ...problems(400, 401, 403) } } },
    async (request) => setNotificationPreferences(identityContext(request, deps), requireUser(request), request.body),
  );

  app.get('/account/sessions', { schema: { tags, operationId: 'listSessions', response: { 200: SessionsResponse, ...problems(401, 403) } } }, async (request) => ({
    items: await listSessions(identityContext(request, deps), requireUser(request)),
  }));

  app.delete(
    '/account/sessions/:id',
    { schema: { tags, operationId: 'endSession', params: SessionParams, response: { 204: NoContent, ...problems(401, 403, 404) } } },
    async (request, reply) => {
      const ended = await endSessionById(identityContext(request, deps), requireUser(request), request.params.id);
      if (ended.current) clearSessionCookie(reply, secureCookies);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/account/sessions/end-others',
    { schema: { tags, operationId: 'endOtherSessions', response: { 200: EndedSessionsResponse, ...problems(401, 403) } } },
    async (request) => endOtherSessions(identityContext(request, deps), requireUser(request)),
  );

  app.get(
    '/account/activity',
    { schema: { tags, operationId: 'listAccountActivity', querystring: ActivityQuery, response: { 200: ActivityResponse, ...problems(400, 401, 403) } } },
    async (request) => findActivity(identityContext(request, deps), requireUser(request), request.query),
  );

  app.post(
    '/account/report-hacked',
    { schema: { tags, operationId: 'reportHacked', body: ReportHackedBody, response: { 204: NoContent, ...problems(400, 401, 403, 503) } } },
    async (request, reply) => {
      await reportHacked(identityContext(request, deps), requireUser(request, { allowWithoutTotp: true }), request.body);
      clearSessionCookie(reply, secureCookies);
      return reply.status(204).send(null);
    },
  );

  await app.register(contactRoutes, deps);
  await app.register(twoFactorRoutes, deps);
};
