import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/database.ts';
import { NoContent, problems } from '../../platform/http/schemas.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { clearSessionCookie, identityContext, requireUser, setSessionCookie } from './auth.ts';
import { UnauthenticatedError } from './errors.ts';
import { completeSecondFactor, login, logout } from './login.ts';
import { completeRecovery, resendRecoveryCode, startRecovery } from './recovery.ts';
import { confirmRegistration, resendRegistrationCode, startRegistration } from './registration.ts';
import {
  CodeBody,
  FlowParams,
  FlowStarted,
  LoginBody,
  LoginResponse,
  Me,
  RecoveryBody,
  RecoveryCompleteBody,
  RecoveryStarted,
  RegistrationBody,
  RegistrationConfirmed,
} from './schemas.ts';
import { findAuthenticated } from './sessions.ts';

export interface IdentityRouteOptions {
  db: Db;
  jobs: Jobs;
  secureCookies: boolean;
}

const tags = ['identity'];

/** Sign-up, sign-in and recovery: the self-service flows of a signed-out visitor. */
export const identityRoutes: FastifyPluginAsyncTypebox<IdentityRouteOptions> = async (app, deps) => {
  const { secureCookies } = deps;

  app.post(
    '/identity/registrations',
    { schema: { tags, operationId: 'startRegistration', body: RegistrationBody, response: { 202: FlowStarted, ...problems(400, 429, 503) } } },
    async (request, reply) => {
      const { acceptTerms: _terms, acceptPersonalData: _personalData, ...input } = request.body;
      return reply.status(202).send(await startRegistration(identityContext(request, deps), input));
    },
  );

  app.post(
    '/identity/registrations/:flowId/resend',
    { schema: { tags, operationId: 'resendRegistrationCode', params: FlowParams, response: { 204: NoContent, ...problems(404, 410, 429) } } },
    async (request, reply) => {
      await resendRegistrationCode(identityContext(request, deps), request.params.flowId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/identity/registrations/:flowId/confirm',
    { schema: { tags, operationId: 'confirmRegistration', params: FlowParams, body: CodeBody, response: { 200: RegistrationConfirmed, ...problems(400, 404, 410) } } },
    async (request, reply) => {
      const ctx = identityContext(request, deps);
      const registered = await confirmRegistration(ctx, request.params.flowId, request.body.code);
      setSessionCookie(reply, secureCookies, registered.session);
      const signedIn = await findAuthenticated(deps.db, registered.session.token, ctx.now);
      if (!signedIn) throw new UnauthenticatedError();
      return { user: signedIn.user, phoneFlowId: registered.phoneFlowId };
    },
  );

  app.post(
    '/identity/login',
    { schema: { tags, operationId: 'login', body: LoginBody, response: { 200: LoginResponse, ...problems(400, 401, 403, 429, 503) } } },
    async (request, reply) => {
      const result = await login(identityContext(request, deps), { ...request.body, remember: request.body.remember ?? false });
      setSessionCookie(reply, secureCookies, result.session);
      return { status: result.secondFactorRequired ? ('second_factor_required' as const) : ('signed_in' as const) };
    },
  );

  app.post(
    '/identity/login/second-factor',
    { schema: { tags, operationId: 'completeSecondFactor', body: CodeBody, response: { 200: LoginResponse, ...problems(400, 401) } } },
    async (request, reply) => {
      if (!request.auth) throw new UnauthenticatedError();
      const result = await completeSecondFactor(identityContext(request, deps), request.auth, request.body.code);
      setSessionCookie(reply, secureCookies, result.session);
      return { status: 'signed_in' as const };
    },
  );

  app.post('/identity/logout', { schema: { tags, operationId: 'logout', response: { 204: NoContent } } }, async (request, reply) => {
    if (request.auth) await logout(identityContext(request, deps), request.auth);
    clearSessionCookie(reply, secureCookies);
    return reply.status(204).send(null);
  });

  app.post(
    '/identity/recovery',
    { schema: { tags, operationId: 'startRecovery', body: RecoveryBody, response: { 202: RecoveryStarted, ...problems(400, 429) } } },
    async (request, reply) => reply.status(202).send(await startRecovery(identityContext(request, deps), request.body.login)),
  );

  app.post(
    '/identity/recovery/:flowId/resend',
    { schema: { tags, operationId: 'resendRecoveryCode', params: FlowParams, response: { 204: NoContent, ...problems(404, 410, 429) } } },
    async (request, reply) => {
      await resendRecoveryCode(identityContext(request, deps), request.params.flowId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/identity/recovery/:flowId/complete',
    { schema: { tags, operationId: 'completeRecovery', params: FlowParams, body: RecoveryCompleteBody, response: { 204: NoContent, ...problems(400, 404, 410, 503) } } },
    async (request, reply) => {
      await completeRecovery(identityContext(request, deps), request.params.flowId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get('/me', { schema: { tags, operationId: 'getMe', response: { 200: Me, ...problems(401, 403) } } }, // Who is signed in, even when they still owe a password change or a TOTP enrolment: the UI routes them there.
    async (request) => requireUser(request, { allowWithoutTotp: true, allowPasswordChangePending: true }).user);
};
