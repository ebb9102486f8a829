import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Db } from '../../platform/db/database.ts';
import { problems } from '../../platform/http/schemas.ts';
import { localeFrom } from '../../platform/i18n/index.ts';
import { originOf, requireStaff, staffOnly, type StaffRole } from '../identity/index.ts';
import { AccountParams } from '../accounts/index.ts';
import { requireMembership } from '../parties/index.ts';
import {
  PromisedOverviewResponse,
  PromisedPaymentResponse,
  PromisedPaymentsForStaff,
  PromisedSettingsBody,
  PromisedSettingsResponse,
  StaffAccountParams,
} from './schemas.ts';
import { getPromisedOverview, grantPromisedPayment, listPromisedPayments } from './service.ts';
import { getPromisedSettings, setPromisedSettings } from './settings.ts';

export interface PromisedRouteOptions {
  db: Db;
  timeZone: string;
}

const tags = ['promised'];
const staffTags = ['backoffice'];
const denied = [401, 403, 404] as const;
const ADMINISTRATORS: readonly StaffRole[] = ['administrator'];
/** Money matters: who may look at an account's promised payments in the back office. */
const MONEY_STAFF: readonly StaffRole[] = ['administrator', 'accountant'];

/** «Обещанный платёж»: the customer's offer and grant; the provider's rules in the back office. */
export const promisedRoutes: FastifyPluginAsyncTypebox<PromisedRouteOptions> = async (app, { db, timeZone }) => {
  app.addSchema(PromisedPaymentResponse);

  app.get(
    '/customers/:customerId/accounts/:accountId/promised-payments',
    {
      schema: {
        operationId: 'getPromisedPayments',
        tags,
        summary: 'The promised payment rules with the amount this account may take now (or why it may not), the open one and the history',
        params: AccountParams,
        response: { 200: PromisedOverviewResponse, ...problems(...denied) },
      },
    },
    async (request) => {
      requireMembership(request, 'view');
      const locale = localeFrom(request.headers['accept-language']);
      const overview = await getPromisedOverview({ db, now: new Date(), timeZone }, request.params.customerId, request.params.accountId);
      return { ...overview, reasons: overview.reasons.map((reason) => ({ code: reason.code, message: reason.message[locale] })) };
    },
  );

  app.post(
    '/customers/:customerId/accounts/:accountId/promised-payments',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'grantPromisedPayment',
        tags,
        summary: 'Take a promised payment: the amount offered is credited now and reversed at expiry. Honours Idempotency-Key',
        params: AccountParams,
        response: { 201: PromisedPaymentResponse, ...problems(400, ...denied, 409, 422) },
      },
    },
    async (request, reply) => {
      const membership = requireMembership(request, 'pay');
      const payment = await grantPromisedPayment(
        { db, now: new Date(), timeZone },
        { customerId: request.params.customerId, accountId: request.params.accountId, grantedBy: membership.userId },
      );
      return reply.status(201).send(payment);
    },
  );

  app.get(
    '/backoffice/settings/promised-payment',
    {
      onRequest: staffOnly(ADMINISTRATORS),
      schema: { operationId: 'getPromisedSettings', tags: staffTags, summary: 'The provider’s promised payment rules', response: { 200: PromisedSettingsResponse, ...problems(...denied) } },
    },
    async (request) => {
      requireStaff(request, ADMINISTRATORS);
      return getPromisedSettings(db);
    },
  );

  app.put(
    '/backoffice/settings/promised-payment',
    {
      onRequest: staffOnly(ADMINISTRATORS),
      schema: {
        operationId: 'updatePromisedSettings',
        tags: staffTags,
        summary: 'Replace the promised payment rules (audited); granted ones keep their amount and expiry',
        body: PromisedSettingsBody,
        response: { 200: PromisedSettingsResponse, ...problems(400, ...denied) },
      },
    },
    async (request) => {
      const { user } = requireStaff(request, ADMINISTRATORS);
      return setPromisedSettings({ db, now: new Date() }, { userId: user.id, origin: originOf(request) }, request.body);
    },
  );

  app.get(
    '/backoffice/accounts/:ownerId/:accountId/promised-payments',
    {
      onRequest: staffOnly(MONEY_STAFF),
      schema: {
        operationId: 'listPromisedPaymentsForStaff',
        tags: staffTags,
        summary: "An account's open promised payment and its history",
        params: StaffAccountParams,
        response: { 200: PromisedPaymentsForStaff, ...problems(...denied) },
      },
    },
    async (request) => {
      requireStaff(request, MONEY_STAFF);
      return listPromisedPayments(db, request.params.ownerId, request.params.accountId);
    },
  );
};
