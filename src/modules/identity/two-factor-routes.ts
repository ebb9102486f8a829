import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoContent, problems } from '../../platform/http/schemas.ts';
import { BackupCodesResponse, DisableTwoFactorBody, TotpCodeBody, TotpSetupResponse } from './account-schemas.ts';
import { identityContext, requireUser } from './auth.ts';
import type { IdentityRouteOptions } from './routes.ts';
import { disableTwoFactor, enableTwoFactor, regenerateBackupCodes, setupTwoFactor } from './two-factor.ts';

const tags = ['account'];

/** TOTP two-factor authentication. Staff without it may reach setup and enable, nothing else. */
export const twoFactorRoutes: FastifyPluginAsyncTypebox<IdentityRouteOptions> = async (app, deps) => {
  app.post(
    '/account/two-factor/setup',
    { schema: { tags, operationId: 'setupTwoFactor', response: { 200: TotpSetupResponse, ...problems(401, 403, 409) } } },
    async (request) => setupTwoFactor(identityContext(request, deps), requireUser(request, { allowWithoutTotp: true })),
  );

  app.post(
    '/account/two-factor/enable',
    { schema: { tags, operationId: 'enableTwoFactor', body: TotpCodeBody, response: { 200: BackupCodesResponse, ...problems(400, 401, 403, 404, 409, 410) } } },
    async (request) => enableTwoFactor(identityContext(request, deps), requireUser(request, { allowWithoutTotp: true }), request.body.code),
  );

  app.post(
    '/account/two-factor/disable',
    { schema: { tags, operationId: 'disableTwoFactor', body: DisableTwoFactorBody, response: { 204: NoContent, ...problems(400, 401, 403, 409, 429, 503) } } },
    async (request, reply) => {
      await disableTwoFactor(identityContext(request, deps), requireUser(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/account/two-factor/backup-codes',
    { schema: { tags, operationId: 'regenerateBackupCodes', response: { 200: BackupCodesResponse, ...problems(401, 403, 409) } } },
    async (request) => regenerateBackupCodes(identityContext(request, deps), requireUser(request)),
  );
};
