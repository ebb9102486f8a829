import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import { problems } from '../../platform/http/schemas.ts';
import { originOf } from '../identity/index.ts';
import { getProviderName } from '../settings/index.ts';
import type { PaymentGateway } from './gateway.ts';
import { decideTestGatewayPayment, getTestGatewayPage } from './gateways/test-gateway.ts';
import { getPublicInvoice, getPublicPaymentStatus, payPublicInvoice } from './invoice.ts';
import { handleNotification } from './notifications.ts';
import {
  NotificationBody,
  NotificationResponse,
  PublicInvoiceResponse,
  PublicPaymentParams,
  PublicPaymentResponse,
  StartedPayment,
  TestGatewayParams,
  TestGatewayPaymentResponse,
  TokenParams,
} from './schemas.ts';
import type { PaymentsContext } from './service.ts';

export interface PublicPaymentsRouteOptions {
  db: Db;
  gateway: PaymentGateway;
  publicUrl: URL;
  /** The built-in test gateway's page API exists only while it is the configured gateway. */
  testGateway: boolean;
}

const tags = ['payments'];

/** What works without signing in: the gateway's notifications, an invoice's public link, the test gateway's page. */
export const publicPaymentsRoutes: FastifyPluginAsyncTypebox<PublicPaymentsRouteOptions> = async (app, { db, gateway, publicUrl, testGateway }) => {
  const context = (request: FastifyRequest): PaymentsContext => ({ db, gateway, now: new Date(), logger: request.log });

  app.post(
    '/payments/notifications',
    {
      schema: {
        operationId: 'receivePaymentNotification',
        tags,
        summary: "The gateway's notification URL (YooKassa: payment.succeeded / payment.canceled)",
        description:
          'Only the payment the notification names is used: it is fetched from the gateway and its answer alone is trusted. Unknown payments are acknowledged and ignored; when the gateway cannot be asked the answer is 503, so the gateway repeats the notification.',
        body: NotificationBody,
        response: { 200: NotificationResponse, ...problems(400, 503) },
      },
    },
    async (request) => ({ outcome: await handleNotification(context(request), request.body) }),
  );

  app.get(
    '/public/invoices/:token',
    {
      schema: {
        operationId: 'getPublicInvoice',
        tags,
        summary: "An invoice by its public link: number, amount, provider, masked account number and whether it's paid",
        params: TokenParams,
        response: { 200: PublicInvoiceResponse, ...problems(404, 429) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      return getPublicInvoice({ db, now: new Date(), ip: request.ip }, request.params.token);
    },
  );

  app.post(
    '/public/invoices/:token/payments',
    {
      schema: {
        operationId: 'payPublicInvoice',
        tags,
        summary: 'Pay an invoice by its public link: answers with the gateway page to send the payer to',
        params: TokenParams,
        response: { 201: StartedPayment, ...problems(404, 409, 429, 502) },
      },
    },
    async (request, reply) => {
      const payment = await payPublicInvoice({ ...context(request), ip: request.ip, publicUrl, origin: originOf(request) }, request.params.token);
      return reply.code(201).send(payment);
    },
  );

  app.get(
    '/public/payments/:ownerId/:paymentId',
    {
      schema: {
        operationId: 'getPublicPaymentStatus',
        tags,
        summary: 'The outcome of a payment made through an invoice link (the page the gateway sends the payer back to)',
        params: PublicPaymentParams,
        response: { 200: PublicPaymentResponse, ...problems(404, 429) },
      },
    },
    async (request) => getPublicPaymentStatus({ db, now: new Date(), ip: request.ip }, { customerId: request.params.ownerId, id: request.params.paymentId }),
  );

  if (!testGateway) return;

  app.get(
    '/test-gateway/payments/:gatewayPaymentId',
    {
      schema: {
        operationId: 'getTestGatewayPayment',
        tags: ['test-gateway'],
        summary: "The built-in test gateway's payment page data (only when PAYMENT_GATEWAY=test)",
        params: TestGatewayParams,
        response: { 200: TestGatewayPaymentResponse, ...problems(404) },
      },
    },
    async (request) => {
      const page = await getTestGatewayPage(db, request.params.gatewayPaymentId);
      if (!page) throw new NotFoundError();
      return { ...page, providerName: await getProviderName(db) };
    },
  );

  for (const [action, decision] of [
    ['pay', 'succeeded'],
    ['cancel', 'canceled'],
  ] as const) {
    app.post(
      `/test-gateway/payments/:gatewayPaymentId/${action}`,
      {
        schema: {
          operationId: action === 'pay' ? 'payTestGatewayPayment' : 'cancelTestGatewayPayment',
          tags: ['test-gateway'],
          summary: action === 'pay' ? '«Оплатить» on the test gateway page: the payment succeeds and the shop is notified' : '«Отменить» on the test gateway page',
          params: TestGatewayParams,
          response: { 200: TestGatewayPaymentResponse, ...problems(404, 503) },
        },
      },
      async (request) => {
        const decided = await decideTestGatewayPayment(db, request.params.gatewayPaymentId, decision, new Date());
        if (!decided) throw new NotFoundError();
        // The gateway notifies the shop; the shop verifies with the gateway, as with any real gateway.
        await handleNotification(context(request), decided.notification);
        return { ...decided.page, providerName: await getProviderName(db) };
      },
    );
  }
};
