import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { problems } from '../../platform/http/schemas.ts';
import { AccountParams } from '../accounts/index.ts';
import { originOf, requireUser } from '../identity/index.ts';
import { requireMembership } from '../parties/index.ts';
import { cancelService, listAccountServices, orderService } from './addons.ts';
import { backofficeTariffsRoutes } from './backoffice-routes.ts';
import {
  AccountServices,
  AssignmentResponse,
  ChangePlanBody,
  ChangePlanResponse,
  OrderServiceBody,
  OrderServiceResponse,
  PlanHistory,
  PlanOffers,
  PlanResponse,
  ServiceParams,
  ServiceResponse,
  SubscriptionResponse,
  TariffResponse,
} from './schemas.ts';
import { cancelScheduledChange, changePlan, getTariff, listPlanHistory, listPlanOffers, type Actor, type TariffsContext } from './service.ts';

export interface TariffsRouteOptions {
  db: Db;
  timeZone: string;
}

const tags = ['tariffs'];
const denied = [401, 403, 404] as const;
const base = '/customers/:customerId/accounts/:accountId';

/** The account's plan and add-on services (customers), and the plans and services themselves (back office). */
export const tariffsRoutes: FastifyPluginAsyncTypebox<TariffsRouteOptions> = async (app, { db, timeZone }) => {
  for (const schema of [PlanResponse, ServiceResponse, AssignmentResponse, TariffResponse, SubscriptionResponse]) app.addSchema(schema);
  const context = (): TariffsContext => ({ db, now: new Date(), timeZone });
  const actor = (request: FastifyRequest): Actor => ({ userId: requireUser(request).user.id, origin: originOf(request) });
  const key = (params: { customerId: string; accountId: string }) => ({ customerId: params.customerId, accountId: params.accountId });

  app.get(
    `${base}/tariff`,
    {
      schema: {
        operationId: 'getAccountTariff',
        tags,
        summary: "The account's current plan, its scheduled change and the next periodic charge",
        params: AccountParams,
        response: { 200: TariffResponse, ...problems(...denied) },
      },
    },
    async (request) => {
      requireMembership(request, 'view');
      return getTariff(context(), key(request.params));
    },
  );

  app.get(
    `${base}/tariff/history`,
    {
      schema: { operationId: 'listAccountPlanHistory', tags, summary: "The account's plans, newest first", params: AccountParams, response: { 200: PlanHistory, ...problems(...denied) } },
    },
    async (request) => {
      requireMembership(request, 'view');
      return { items: await listPlanHistory(context(), key(request.params)) };
    },
  );

  app.get(
    `${base}/tariff/offers`,
    {
      schema: {
        operationId: 'listAccountPlanOffers',
        tags,
        summary: 'The plans this account may choose, each with the rules of changing to it and the amounts it would move today (a preview to show before confirming)',
        params: AccountParams,
        response: { 200: PlanOffers, ...problems(...denied) },
      },
    },
    async (request) => {
      requireMembership(request, 'view');
      return listPlanOffers(context(), key(request.params));
    },
  );

  app.post(
    `${base}/tariff/change`,
    {
      config: { idempotent: true },
      schema: {
        operationId: 'changeAccountPlan',
        tags,
        summary:
          'Change the plan: from the first day of the next billing period, or today prorated by days when the new plan allows immediate change. Honours Idempotency-Key',
        params: AccountParams,
        body: ChangePlanBody,
        response: { 200: ChangePlanResponse, ...problems(400, ...denied, 409, 422) },
      },
    },
    async (request) => {
      requireMembership(request, 'order');
      return changePlan(context(), actor(request), key(request.params), request.body.planCode);
    },
  );

  app.delete(
    `${base}/tariff/scheduled-change`,
    {
      schema: {
        operationId: 'cancelScheduledPlanChange',
        tags,
        summary: 'Cancel the scheduled plan change; the current plan goes on',
        params: AccountParams,
        response: { 200: TariffResponse, ...problems(...denied, 409) },
      },
    },
    async (request) => {
      requireMembership(request, 'order');
      return cancelScheduledChange(context(), actor(request), key(request.params));
    },
  );

  app.get(
    `${base}/services`,
    {
      schema: {
        operationId: 'listAccountServices',
        tags,
        summary: "The account's add-on services and those it may order, with what ordering costs today",
        params: AccountParams,
        response: { 200: AccountServices, ...problems(...denied) },
      },
    },
    async (request) => {
      requireMembership(request, 'view');
      return listAccountServices(context(), key(request.params));
    },
  );

  app.post(
    `${base}/services`,
    {
      config: { idempotent: true },
      schema: {
        operationId: 'orderAccountService',
        tags,
        summary:
          'Order an add-on service from today: the rest of the month is charged once, then monthly. A cancelled service still working is kept on (200, no charge). Honours Idempotency-Key',
        params: AccountParams,
        body: OrderServiceBody,
        response: { 201: OrderServiceResponse, 200: OrderServiceResponse, ...problems(400, ...denied, 409, 422) },
      },
    },
    async (request, reply) => {
      requireMembership(request, 'order');
      const result = await orderService(context(), actor(request), key(request.params), request.body.serviceCode);
      return reply.status(result.resumed ? 200 : 201).send(result);
    },
  );

  app.post(
    `${base}/services/:serviceCode/cancel`,
    {
      config: { idempotent: true },
      schema: {
        operationId: 'cancelAccountService',
        tags,
        summary: 'Cancel an add-on service: it works, already paid, until the end of the current period and is not charged after',
        params: ServiceParams,
        response: { 200: SubscriptionResponse, ...problems(...denied, 409) },
      },
    },
    async (request) => {
      requireMembership(request, 'order');
      return cancelService(context(), actor(request), key(request.params), request.params.serviceCode);
    },
  );

  await app.register(backofficeTariffsRoutes, { db });
};
