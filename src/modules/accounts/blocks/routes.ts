import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/db/database.ts';
import { NoContent, problems } from '../../../platform/http/schemas.ts';
import { originOf, requireStaff, staffOnly, type StaffRole } from '../../identity/index.ts';
import { requireMembership } from '../../parties/index.ts';
import { AccountParams, BlockResponse } from '../schemas.ts';
import { StaffAccountDetail, StaffAccountList, StaffAccountParams, StaffAccountQuery, StaffReasonBody, VoluntaryBlockBody } from './schemas.ts';
import {
  blockAccountByStaff,
  endVoluntaryBlock,
  findAccountsForStaff,
  getAccountForStaff,
  startVoluntaryBlock,
  unblockAccountByStaff,
  type BlocksContext,
} from './service.ts';

export interface BlocksRouteOptions {
  db: Db;
  timeZone: string;
}

const tags = ['accounts'];
const staffTags = ['backoffice'];
const denied = [401, 403, 404] as const;
/** Money matters: administrators and accountants. */
const ACCOUNT_STAFF: readonly StaffRole[] = ['administrator', 'accountant'];

/** Voluntary blocks by the customer; staff blocks and the back office's «Лицевые счета». */
export const blocksRoutes: FastifyPluginAsyncTypebox<BlocksRouteOptions> = async (app, { db, timeZone }) => {
  const context = (request: FastifyRequest): BlocksContext => ({ db, now: new Date(), timeZone, origin: originOf(request) });
  const accountStaff = { onRequest: staffOnly(ACCOUNT_STAFF) };

  app.post(
    '/customers/:customerId/accounts/:accountId/blocks/voluntary',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'startVoluntaryBlock',
        tags,
        summary: '«Добровольная блокировка» (vacation): stop the service, optionally until a date',
        params: AccountParams,
        body: VoluntaryBlockBody,
        response: { 201: BlockResponse, ...problems(400, ...denied, 409, 422) },
      },
    },
    async (request, reply) => {
      const membership = requireMembership(request, 'order');
      const { customerId, accountId } = request.params;
      const block = await startVoluntaryBlock(context(request), { customerId, accountId, userId: membership.userId, plannedEnd: request.body.plannedEnd ?? null });
      return reply.status(201).send(block);
    },
  );

  app.delete(
    '/customers/:customerId/accounts/:accountId/blocks/voluntary',
    {
      schema: {
        operationId: 'endVoluntaryBlock',
        tags,
        summary: 'Lift the voluntary block now',
        params: AccountParams,
        response: { 204: NoContent, ...problems(...denied, 409) },
      },
    },
    async (request, reply) => {
      const membership = requireMembership(request, 'order');
      await endVoluntaryBlock(context(request), { ...request.params, userId: membership.userId });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/backoffice/accounts',
    {
      ...accountStaff,
      schema: {
        operationId: 'findAccountsForStaff',
        tags: staffTags,
        summary: 'Personal accounts by number or subscriber code',
        querystring: StaffAccountQuery,
        response: { 200: StaffAccountList, ...problems(400, ...denied) },
      },
    },
    async (request) => {
      requireStaff(request, ACCOUNT_STAFF);
      return { items: await findAccountsForStaff(db, request.query.q) };
    },
  );

  app.get(
    '/backoffice/accounts/:ownerId/:accountId',
    {
      ...accountStaff,
      schema: {
        operationId: 'getAccountForStaff',
        tags: staffTags,
        summary: 'One personal account: balance, open blocks and the block history',
        params: StaffAccountParams,
        response: { 200: StaffAccountDetail, ...problems(...denied) },
      },
    },
    async (request) => {
      requireStaff(request, ACCOUNT_STAFF);
      return getAccountForStaff(db, request.params.ownerId, request.params.accountId);
    },
  );

  app.post(
    '/backoffice/accounts/:ownerId/:accountId/block',
    {
      ...accountStaff,
      schema: {
        operationId: 'blockAccountByStaff',
        tags: staffTags,
        summary: 'Block the account with a reason the customer will see (audited)',
        params: StaffAccountParams,
        body: StaffReasonBody,
        response: { 201: BlockResponse, ...problems(400, ...denied, 409) },
      },
    },
    async (request, reply) => {
      const { user } = requireStaff(request, ACCOUNT_STAFF);
      const block = await blockAccountByStaff(context(request), { customerId: request.params.ownerId, accountId: request.params.accountId, staffId: user.id, reason: request.body.reason });
      return reply.status(201).send(block);
    },
  );

  app.post(
    '/backoffice/accounts/:ownerId/:accountId/unblock',
    {
      ...accountStaff,
      schema: {
        operationId: 'unblockAccountByStaff',
        tags: staffTags,
        summary: 'Lift the staff block with a reason (audited); a debt block follows the balance',
        params: StaffAccountParams,
        body: StaffReasonBody,
        response: { 204: NoContent, ...problems(400, ...denied, 409) },
      },
    },
    async (request, reply) => {
      const { user } = requireStaff(request, ACCOUNT_STAFF);
      await unblockAccountByStaff(context(request), { customerId: request.params.ownerId, accountId: request.params.accountId, staffId: user.id, reason: request.body.reason });
      return reply.status(204).send(null);
    },
  );
};
