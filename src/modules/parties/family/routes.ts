import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/database.ts';
import { NoContent, problems } from '../../../platform/http/schemas.ts';
import type { Jobs } from '../../../platform/jobs/jobs.ts';
import { identityContext, requireStaff, requireUser, staffOnly } from '../../identity/index.ts';
import { requireMembership } from '../access.ts';
import { MODERATORS } from '../moderators.ts';
import { CustomerParams } from '../schemas.ts';
import type { FamilyContext } from './context.ts';
import { todayIn } from './dates.ts';
import { createFamilyProfile, deleteFamilyProfile, giveUpFamilyAccess, listFamilyProfiles, listRepresentatives, removeRepresentative } from './profiles.ts';
import { redeemProfileCode } from './redeem.ts';
import {
  CreateFamilyProfileBody,
  FamilyProfile,
  FamilyProfileList,
  IdParams,
  IssuedCode,
  ProfileDetail,
  ProfileParams,
  ProfileQueuePage,
  ProfilesQuery,
  RedeemCodeBody,
  RedeemResult,
  RejectBody,
  RepresentativeList,
  RepresentativeParams,
} from './schemas.ts';
import { findProfiles, getProfileForStaff, issueProfileCode, rejectProfile } from './staff.ts';

export interface FamilyRouteOptions {
  db: Db;
  jobs: Jobs;
  timeZone: string;
}

const tags = ['family'];
const staffTags = ['backoffice'];

/** Family access: relatives' profiles verified with codes staff issue at the clinic. */
export const familyRoutes: FastifyPluginAsyncTypebox<FamilyRouteOptions> = async (app, deps) => {
  const moderators = { onRequest: staffOnly(MODERATORS) };
  const context = (request: FastifyRequest): FamilyContext => {
    const { db, jobs, now, origin } = identityContext(request, deps);
    return { db, jobs, now, origin, today: todayIn(deps.timeZone, now) };
  };

  app.get(
    '/family-profiles',
    { schema: { tags, operationId: 'listFamilyProfiles', response: { 200: FamilyProfileList, ...problems(401, 403) } } },
    async (request) => listFamilyProfiles(context(request), requireUser(request).user),
  );

  app.post(
    '/family-profiles',
    {
      schema: {
        tags,
        operationId: 'createFamilyProfile',
        summary: "Add a relative's profile; it waits for a code the clinic issues",
        body: CreateFamilyProfileBody,
        response: { 200: FamilyProfile, 201: FamilyProfile, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const { profile, created } = await createFamilyProfile(context(request), requireUser(request).user, request.body);
      return reply.status(created ? 201 : 200).send(profile);
    },
  );

  app.delete(
    '/family-profiles/:profileId',
    {
      schema: {
        tags,
        operationId: 'deleteFamilyProfile',
        summary: 'Delete a profile the caller added that was never verified',
        params: ProfileParams,
        response: { 204: NoContent, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteFamilyProfile(context(request), requireUser(request).user, request.params.profileId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/profile-codes/redeem',
    {
      schema: {
        tags,
        operationId: 'redeemProfileCode',
        summary: "Enter a code from the clinic: verifies a relative's profile, or takes over one's own",
        body: RedeemCodeBody,
        response: { 200: RedeemResult, ...problems(400, 401, 403, 409, 410, 429) },
      },
    },
    async (request) => redeemProfileCode(context(request), requireUser(request).user, request.body.code),
  );

  app.delete(
    '/customers/:customerId/family-access',
    {
      schema: {
        tags,
        operationId: 'giveUpFamilyAccess',
        summary: "Give up one's access to a relative's profile",
        params: CustomerParams,
        response: { 204: NoContent, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await giveUpFamilyAccess(context(request), requireMembership(request, 'view'));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/customers/:customerId/representatives',
    {
      schema: {
        tags,
        operationId: 'listRepresentatives',
        summary: "Relatives who reach the caller's own profile",
        params: CustomerParams,
        response: { 200: RepresentativeList, ...problems(401, 403, 404) },
      },
    },
    async (request) => listRepresentatives(context(request), requireMembership(request, 'view')),
  );

  app.delete(
    '/customers/:customerId/representatives/:userId',
    {
      schema: {
        tags,
        operationId: 'removeRepresentative',
        params: RepresentativeParams,
        response: { 204: NoContent, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const membership = requireMembership(request, 'view');
      await removeRepresentative(context(request), membership, requireUser(request).user, request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/backoffice/profiles',
    { ...moderators, schema: { tags: staffTags, operationId: 'findFamilyProfiles', querystring: ProfilesQuery, response: { 200: ProfileQueuePage, ...problems(400, 401, 403, 404) } } },
    async (request) => {
      requireStaff(request, MODERATORS);
      const { status, query, cursor, limit } = request.query;
      return findProfiles(context(request), { filter: status, query, cursor, limit });
    },
  );

  app.get(
    '/backoffice/profiles/:id',
    { ...moderators, schema: { tags: staffTags, operationId: 'getFamilyProfileForStaff', params: IdParams, response: { 200: ProfileDetail, ...problems(401, 403, 404) } } },
    async (request) => {
      requireStaff(request, MODERATORS);
      return getProfileForStaff(context(request), request.params.id);
    },
  );

  app.post(
    '/backoffice/profiles/:id/codes',
    {
      ...moderators,
      schema: {
        tags: staffTags,
        operationId: 'issueProfileCode',
        summary: 'Issue a one-time code for a profile (shown once); an earlier unused code stops working',
        params: IdParams,
        response: { 201: IssuedCode, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { user } = requireStaff(request, MODERATORS);
      return reply.status(201).send(await issueProfileCode(context(request), user.id, request.params.id));
    },
  );

  app.post(
    '/backoffice/profiles/:id/reject',
    {
      ...moderators,
      schema: {
        tags: staffTags,
        operationId: 'rejectFamilyProfile',
        params: IdParams,
        body: RejectBody,
        response: { 200: ProfileDetail, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { user } = requireStaff(request, MODERATORS);
      return rejectProfile(context(request), user.id, request.params.id, request.body.reason);
    },
  );
};
