import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { problems } from '../../platform/http/schemas.ts';
import { attachmentDisposition } from '../../platform/pdf/pdf.ts';
import { AccountParams } from '../accounts/index.ts';
import { originOf, requireStaff, staffOnly } from '../identity/index.ts';
import type { StaffRole } from '../identity/index.ts';
import { getCustomerForMember, requireMembership } from '../parties/index.ts';
import type { PaymentGateway } from './gateway.ts';
import { createInvoice, findInvoices, getInvoicePdf } from './invoice.ts';
import { findRequisites, setRequisites } from './requisites.ts';
import {
  CreatedInvoice,
  CreateInvoiceBody,
  CreatePaymentBody,
  InvoiceList,
  InvoiceParams,
  InvoiceResponse,
  ListQuery,
  PaymentList,
  PaymentParams,
  PaymentResponse,
  PdfFile,
  RequisitesBody,
  RequisitesResponse,
} from './schemas.ts';
import { createPayment, findPayments, getPayment, type PaymentsContext } from './service.ts';

export interface PaymentsRouteOptions {
  db: Db;
  gateway: PaymentGateway;
  timeZone: string;
  publicUrl: URL;
  /** Where the gateway sends payers back: the cabinet's address unless configured. */
  returnUrl: URL;
}

const tags = ['payments'];
const denied = [401, 403, 404] as const;
/** Money settings: administrators and accountants. */
const MONEY_STAFF: readonly StaffRole[] = ['administrator', 'accountant'];

/** Paying an account online, its payments, and «Счёт на оплату» with its PDF. */
export const paymentsRoutes: FastifyPluginAsyncTypebox<PaymentsRouteOptions> = async (app, { db, gateway, timeZone, publicUrl, returnUrl }) => {
  app.addSchema(PaymentResponse);
  app.addSchema(InvoiceResponse);

  const context = (request: FastifyRequest): PaymentsContext => ({ db, gateway, now: new Date(), logger: request.log });

  app.post(
    '/customers/:customerId/accounts/:accountId/payments',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'createAccountPayment',
        tags,
        summary: 'Pay the account online: creates the payment and answers with the gateway page to send the payer to',
        description:
          'The payment is created pending and the gateway is asked with the payment id as its idempotency key. `confirmationUrl` is null when the gateway did not answer in time: the payment stays pending and is settled by reconciliation. Send an `Idempotency-Key` to make a retry safe.',
        params: AccountParams,
        body: CreatePaymentBody,
        response: { 201: PaymentResponse, ...problems(400, ...denied, 409, 422, 502) },
      },
    },
    async (request, reply) => {
      const membership = requireMembership(request, 'pay');
      const { customerId, accountId } = request.params;
      const payment = await createPayment(context(request), {
        customerId,
        accountId,
        amount: request.body.amount,
        actorId: membership.userId,
        origin: originOf(request),
        returnUrl: (paymentId) => new URL(`/accounts/${accountId}?payment=${paymentId}`, returnUrl).href,
      });
      return reply.code(201).send(payment);
    },
  );

  app.get(
    '/customers/:customerId/accounts/:accountId/payments',
    {
      schema: {
        operationId: 'listAccountPayments',
        tags,
        summary: "The account's online payments, newest first",
        params: AccountParams,
        querystring: ListQuery,
        response: { 200: PaymentList, ...problems(400, ...denied) },
      },
    },
    async (request) => {
      requireMembership(request, 'view');
      const { customerId, accountId } = request.params;
      return findPayments(db, customerId, accountId, { limit: request.query.limit, cursor: request.query.cursor });
    },
  );

  app.get(
    '/customers/:customerId/accounts/:accountId/payments/:paymentId',
    {
      schema: {
        operationId: 'getAccountPayment',
        tags,
        summary: 'One payment: its status (pending, succeeded, canceled)',
        params: PaymentParams,
        response: { 200: PaymentResponse, ...problems(...denied) },
      },
    },
    async (request) => {
      requireMembership(request, 'view');
      const { customerId, accountId, paymentId } = request.params;
      return getPayment(db, { customerId, accountId, id: paymentId });
    },
  );

  app.post(
    '/customers/:customerId/accounts/:accountId/invoices',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'createAccountInvoice',
        tags,
        summary: '«Счёт на оплату»: issues an invoice with a number and a public payment link (shown once)',
        params: AccountParams,
        body: CreateInvoiceBody,
        response: { 201: CreatedInvoice, ...problems(400, ...denied, 409, 422) },
      },
    },
    async (request, reply) => {
      const membership = requireMembership(request, 'documents');
      const customer = await getCustomerForMember(db, membership);
      const { customerId, accountId } = request.params;
      const created = await createInvoice(
        { db, now: new Date(), timeZone, publicUrl },
        {
          customerId,
          accountId,
          amount: request.body.amount,
          actorId: membership.userId,
          origin: originOf(request),
          payer: { name: customer.name, inn: customer.inn, kpp: customer.kpp },
        },
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/customers/:customerId/accounts/:accountId/invoices',
    {
      schema: {
        operationId: 'listAccountInvoices',
        tags,
        summary: "The account's invoices, newest first",
        params: AccountParams,
        response: { 200: InvoiceList, ...problems(...denied) },
      },
    },
    async (request) => {
      requireMembership(request, 'view');
      const { customerId, accountId } = request.params;
      return { items: await findInvoices(db, customerId, accountId, 100) };
    },
  );

  app.get(
    '/customers/:customerId/accounts/:accountId/invoices/:invoiceId/pdf',
    {
      schema: {
        operationId: 'getAccountInvoicePdf',
        tags,
        summary: 'The invoice as PDF: requisites, payer, amount in words, payment QR code (GOST R 56042-2014)',
        params: InvoiceParams,
        produces: ['application/pdf'],
        response: { 200: { description: 'A PDF document', content: { 'application/pdf': { schema: PdfFile } } }, ...problems(...denied, 409) },
      },
    },
    async (request, reply) => {
      requireMembership(request, 'documents');
      const { customerId, accountId, invoiceId } = request.params;
      const { invoice, pdf } = await getInvoicePdf({ db, timeZone }, { customerId, accountId, id: invoiceId });
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentDisposition(`Счёт ${invoice.number}.pdf`))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/backoffice/payments/requisites',
    {
      onRequest: staffOnly(MONEY_STAFF),
      schema: {
        operationId: 'getPaymentRequisites',
        tags: ['backoffice'],
        summary: "The provider's bank requisites for invoices and payment QR codes",
        response: { 200: RequisitesResponse, ...problems(...denied) },
      },
    },
    async (request) => {
      requireStaff(request, MONEY_STAFF);
      return { requisites: (await findRequisites(db)) ?? null };
    },
  );

  app.put(
    '/backoffice/payments/requisites',
    {
      onRequest: staffOnly(MONEY_STAFF),
      schema: {
        operationId: 'setPaymentRequisites',
        tags: ['backoffice'],
        summary: "Sets the provider's bank requisites (INN/KPP, BIC, accounts checked by their check keys)",
        body: RequisitesBody,
        response: { 200: RequisitesResponse, ...problems(400, ...denied) },
      },
    },
    async (request) => {
      const { user } = requireStaff(request, MONEY_STAFF);
      return { requisites: await setRequisites({ db, now: new Date(), actorId: user.id, origin: originOf(request) }, request.body) };
    },
  );
};
