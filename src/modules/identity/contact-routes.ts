import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoContent, problems } from '../../platform/http/schemas.ts';
import { EmailChangeBody, PhoneBody } from './account-schemas.ts';
import { identityContext, requireUser } from './auth.ts';
import { confirmEmailChange, confirmPhone, removePhone, resendEmailChangeCode, resendPhoneCode, startEmailChange, startPhoneChange } from './contacts.ts';
import type { IdentityRouteOptions } from './routes.ts';
import { CodeBody, FlowParams, FlowStarted } from './schemas.ts';

const tags = ['account'];

/** Email and phone changes, each confirmed by a code sent to the new address. */
export const contactRoutes: FastifyPluginAsyncTypebox<IdentityRouteOptions> = async (app, deps) => {
  app.post(
    '/account/email',
    { schema: { tags, operationId: 'startEmailChange', body: EmailChangeBody, response: { 202: FlowStarted, ...problems(400, 401, 403, 429) } } },
    async (request, reply) => reply.status(202).send(await startEmailChange(identityContext(request, deps), requireUser(request), request.body.email)),
  );

  app.post(
    '/account/email/:flowId/resend',
    { schema: { tags, operationId: 'resendEmailChangeCode', params: FlowParams, response: { 204: NoContent, ...problems(401, 403, 404, 410, 429) } } },
    async (request, reply) => {
      await resendEmailChangeCode(identityContext(request, deps), requireUser(request), request.params.flowId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/account/email/:flowId/confirm',
    { schema: { tags, operationId: 'confirmEmailChange', params: FlowParams, body: CodeBody, response: { 204: NoContent, ...problems(400, 401, 403, 404, 410) } } },
    async (request, reply) => {
      await confirmEmailChange(identityContext(request, deps), requireUser(request), request.params.flowId, request.body.code);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/account/phone',
    { schema: { tags, operationId: 'startPhoneChange', body: PhoneBody, response: { 202: FlowStarted, ...problems(400, 401, 403, 429) } } },
    async (request, reply) => reply.status(202).send(await startPhoneChange(identityContext(request, deps), requireUser(request), request.body.phone)),
  );

  app.post(
    '/account/phone/:flowId/resend',
    { schema: { tags, operationId: 'resendPhoneCode', params: FlowParams, response: { 204: NoContent, ...problems(401, 403, 404, 410, 429) } } },
    async (request, reply) => {
      await resendPhoneCode(identityContext(request, deps), requireUser(request), request.params.flowId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/account/phone/:flowId/confirm',
    {
      schema: {
        tags,
        operationId: 'confirmPhone',
        description: 'Also completes the phone flow started by registration (its phoneFlowId).',
        params: FlowParams,
        body: CodeBody,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 410) },
      },
    },
    async (request, reply) => {
      await confirmPhone(identityContext(request, deps), requireUser(request), request.params.flowId, request.body.code);
      return reply.status(204).send(null);
    },
  );

  app.delete('/account/phone', { schema: { tags, operationId: 'removePhone', response: { 204: NoContent, ...problems(401, 403) } } }, async (request, reply) => {
    await removePhone(identityContext(request, deps), requireUser(request));
    return reply.status(204).send(null);
  });
};
