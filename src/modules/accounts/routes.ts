import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/database.ts';
import { problems } from '../../platform/http/schemas.ts';
import { CustomerParams, requireMembership } from '../parties/index.ts';
import { listBlocks } from './blocking.ts';
import { blocksRoutes } from './blocks/routes.ts';
import { historyRoutes } from './history-routes.ts';
import { AccountNotFoundError } from './errors.ts';
import { AccountList, AccountParams, AccountResponse, BlockList } from './schemas.ts';
import { getAccountSummary, listCustomerAccounts } from './summary.ts';

export interface AccountsRouteOptions {
  db: Db;
  timeZone: string;
}

const tags = ['accounts'];
const denied = [401, 403, 404] as const;

/** The customer's personal accounts: balance, status, blocks. */
export const accountsRoutes: FastifyPluginAsyncTypebox<AccountsRouteOptions> = async (app, { db, timeZone }) => {
  app.addSchema(AccountResponse);
  await app.register(blocksRoutes, { db, timeZone });
  await app.register(historyRoutes, { db, timeZone });

  app.get(
    '/customers/:customerId/accounts',
    {
      schema: {
        operationId: 'listPersonalAccounts',
        tags,
        summary: "The customer's personal accounts with their balances",
        params: CustomerParams,
        response: { 200: AccountList, ...problems(...denied) },
      },
    },
    async (request) => {
      requireMembership(request, 'view');
      return { items: await listCustomerAccounts(db, request.params.customerId) };
    },
  );

  app.get(
    '/customers/:customerId/accounts/:accountId',
    {
      schema: {
        operationId: 'getPersonalAccount',
        tags,
        summary: 'One personal account: balance, status, open blocks',
        params: AccountParams,
        response: { 200: AccountResponse, ...problems(...denied) },
      },
    },
    async (request) => {
      requireMembership(request, 'view');
      const account = await getAccountSummary(db, request.params.customerId, request.params.accountId);
      if (!account) throw new AccountNotFoundError();
      return account;
    },
  );

  app.get(
    '/customers/:customerId/accounts/:accountId/blocks',
    {
      schema: {
        operationId: 'listAccountBlocks',
        tags,
        summary: "The account's block history, newest first",
        params: AccountParams,
        response: { 200: BlockList, ...problems(...denied) },
      },
    },
    async (request) => {
      requireMembership(request, 'view');
      const { customerId, accountId } = request.params;
      if (!(await getAccountSummary(db, customerId, accountId))) throw new AccountNotFoundError();
      return { items: await listBlocks(db, customerId, accountId) };
    },
  );
};
