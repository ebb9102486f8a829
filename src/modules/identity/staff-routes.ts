import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/database.ts';
import { NoContent, problems } from '../../platform/http/schemas.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { identityContext } from './auth.ts';
import { FlowParams } from './schemas.ts';
import { completeStaffInvitation } from './staff.ts';
import { StaffInvitationCompleteBody } from './staff-schemas.ts';

export interface StaffInvitationRouteOptions {
  db: Db;
  jobs: Jobs;
}

/** The public end of a staff invitation: the setup page posts the emailed code and a new password. */
export const staffInvitationRoutes: FastifyPluginAsyncTypebox<StaffInvitationRouteOptions> = async (app, deps) => {
  app.post(
    '/identity/staff-invitations/:flowId/complete',
    {
      schema: {
        tags: ['identity'],
        operationId: 'completeStaffInvitation',
        params: FlowParams,
        body: StaffInvitationCompleteBody,
        response: { 204: NoContent, ...problems(400, 404, 410, 503) },
      },
    },
    async (request, reply) => {
      await completeStaffInvitation(identityContext(request, deps), request.params.flowId, request.body);
      return reply.status(204).send(null);
    },
  );
};
