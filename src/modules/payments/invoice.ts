import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit, type RequestOrigin } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { clientKey, hit, type Limit } from '../../platform/throttle/throttle.ts';
import { AccountNotFoundError, getAccount } from '../accounts/index.ts';
import { getProviderName } from '../settings/index.ts';
import { amountError, InvoiceNotFoundError, InvoicePaidError, PaymentInvalidError, PaymentNotFoundError, RequisitesMissingError, TooManyLinkAttemptsError } from './errors.ts';
import { renderInvoicePdf } from './invoice-pdf.ts';
import { findRequisites } from './requisites.ts';
import { amountAllowed, createPayment, type PaymentsContext } from './service.ts';
import { findPayment, findWaitingInvoicePayment, hasPendingInvoicePayment, type Payment } from './store.ts';

/** «Счёт на оплату» as its issuer sees it. */
export interface Invoice {
  customerId: string;
  id: string;
  accountId: string;
  number: string;
  amount: number;
  purpose: string;
  payerName: string;
  payerInn: string | null;
  payerKpp: string | null;
  createdAt: Date;
  paidAt: Date | null;
}

const columns = [
  'customer_id as customerId',
  'id',
  'account_id as accountId',
  'number',
  'amount',
  'purpose',
  'payer_name as payerName',
  'payer_inn as payerInn',
  'payer_kpp as payerKpp',
  'created_at as createdAt',
  'paid_at as paidAt',
] as const;

export interface InvoiceContext {
  db: Db;
  now: Date;
  timeZone: string;
  publicUrl: URL;
}

/** The public link's path; the token is 32 random bytes, only its hash is stored. */
export function invoiceLink(publicUrl: URL, token: string): string {
  return new URL(`/pay/i/${token}`, publicUrl).href;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Issues an invoice for an account: a number («С-2026-000045», the year in the provider's time
 * zone), the payer as it is now, and a public link whose token is returned once.
 */
export async function createInvoice(
  ctx: InvoiceContext,
  input: { customerId: string; accountId: string; amount: number; actorId: string; origin?: RequestOrigin; payer: { name: string; inn: string | null; kpp: string | null } },
): Promise<{ invoice: Invoice; link: string }> {
  if (!amountAllowed(input.amount)) throw new PaymentInvalidError([amountError()]);
  return ctx.db.transaction().execute(async (trx) => {
    const account = await getAccount(trx, input.customerId, input.accountId);
    if (!account) throw new AccountNotFoundError();
    if (!(await findRequisites(trx))) throw new RequisitesMissingError();
    const { rows } = await sql<{ n: string }>`select nextval('payments_invoice_number_seq') as n`.execute(trx);
    const year = new Intl.DateTimeFormat('en', { timeZone: ctx.timeZone, year: 'numeric' }).format(ctx.now);
    const number = `С-${year}-${String(rows[0]!.n).padStart(6, '0')}`;
    const token = randomBytes(32).toString('base64url');
    const invoice: Invoice = {
      customerId: input.customerId,
      id: uuidv7(),
      accountId: input.accountId,
      number,
      amount: input.amount,
      purpose: `Оплата по счёту № ${number}, лицевой счёт № ${account.number}`,
      payerName: input.payer.name,
      payerInn: input.payer.inn,
      payerKpp: input.payer.kpp,
      createdAt: ctx.now,
      paidAt: null,
    };
    await trx
      .insertInto('payments_invoice')
      .values({
        customer_id: invoice.customerId,
        id: invoice.id,
        account_id: invoice.accountId,
        number: invoice.number,
        amount: invoice.amount,
        purpose: invoice.purpose,
        payer_name: invoice.payerName,
        payer_inn: invoice.payerInn,
        payer_kpp: invoice.payerKpp,
        token_hash: hashToken(token),
        created_by: input.actorId,
        created_at: invoice.createdAt,
      })
      .execute();
    await recordAudit(trx, ctx.now, {
      event: 'invoice.created',
      actorId: input.actorId,
      subjectId: input.customerId,
      origin: input.origin,
      details: { invoiceId: invoice.id, number, accountId: invoice.accountId, amount: invoice.amount },
    });
    return { invoice, link: invoiceLink(ctx.publicUrl, token) };
  });
}

export async function getInvoice(db: Db, key: { customerId: string; accountId: string; id: string }): Promise<Invoice> {
  const invoice = await db
    .selectFrom('payments_invoice')
    .select(columns)
    .where('customer_id', '=', key.customerId)
    .where('account_id', '=', key.accountId)
    .where('id', '=', key.id)
    .executeTakeFirst();
  if (!invoice) throw new InvoiceNotFoundError();
  return invoice;
}

export async function findInvoices(db: Db, customerId: string, accountId: string, limit: number): Promise<Invoice[]> {
  if (!(await getAccount(db, customerId, accountId))) throw new AccountNotFoundError();
  return db
    .selectFrom('payments_invoice')
    .select(columns)
    .where('customer_id', '=', customerId)
    .where('account_id', '=', accountId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The invoice as a PDF with the provider's requisites and the payment QR code. */
export async function getInvoicePdf(ctx: { db: Db; timeZone: string }, key: { customerId: string; accountId: string; id: string }): Promise<{ invoice: Invoice; pdf: Buffer }> {
  const invoice = await getInvoice(ctx.db, key);
  const requisites = await findRequisites(ctx.db);
  if (!requisites) throw new RequisitesMissingError();
  const account = await getAccount(ctx.db, key.customerId, key.accountId);
  if (!account) throw new AccountNotFoundError();
  const pdf = await renderInvoicePdf({ invoice, requisites, accountNumber: account.number, timeZone: ctx.timeZone });
  return { invoice, pdf };
}

/** Anyone with the link, per client address: enough to open and pay, too few to guess tokens. */
const LINK_LIMIT: Limit = { max: 30, windowSeconds: 600 };

/** A payment left on the gateway's page this recently is offered again rather than a new one. */
const RESUME_WITHIN_MS = 30 * 60_000;

/** What the public link shows: that invoice and nothing else of the customer. */
export interface PublicInvoice {
  number: string;
  amount: number;
  providerName: string;
  accountNumber: string;
  status: 'unpaid' | 'pending' | 'paid';
  createdAt: Date;
}

/** «ЛС-000315» → «•••0315»: enough for the payer to recognise, not enough to look anything up. */
export function maskAccountNumber(number: string): string {
  const shown = number.length > 6 ? 4 : Math.max(1, Math.floor(number.length / 2));
  return `•••${number.slice(-shown)}`;
}

async function findByToken(ctx: { db: Db; now: Date; ip: string }, token: string) {
  const limit = await hit(ctx.db, `invoice-link:${clientKey(ctx.ip)}`, LINK_LIMIT, ctx.now);
  if (!limit.allowed) throw new TooManyLinkAttemptsError(limit.retryAfterSeconds);
  if (!/^[\w-]{43}$/.test(token)) throw new InvoiceNotFoundError();
  const invoice = await ctx.db.selectFrom('payments_invoice').select(columns).where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!invoice) throw new InvoiceNotFoundError();
  return invoice;
}

export async function getPublicInvoice(ctx: { db: Db; now: Date; ip: string }, token: string): Promise<PublicInvoice> {
  const invoice = await findByToken(ctx, token);
  const account = await getAccount(ctx.db, invoice.customerId, invoice.accountId);
  const pending = invoice.paidAt === null && (await hasPendingInvoicePayment(ctx.db, invoice.customerId, invoice.id));
  return {
    number: invoice.number,
    amount: invoice.amount,
    providerName: await getProviderName(ctx.db),
    accountNumber: maskAccountNumber(account?.number ?? ''),
    status: invoice.paidAt ? 'paid' : pending ? 'pending' : 'unpaid',
    createdAt: invoice.createdAt,
  };
}

/** Anyone holding the link pays the invoice's amount through the gateway; a paid invoice is not paid twice. */
export async function payPublicInvoice(ctx: PaymentsContext & { ip: string; publicUrl: URL; origin?: RequestOrigin }, token: string): Promise<Payment> {
  const invoice = await findByToken(ctx, token);
  if (invoice.paidAt) throw new InvoicePaidError();
  // «Оплатить» pressed again (or by a second person) while a payment waits on the gateway's page: that
  // page again, not a second payment. (No Idempotency-Key here: its record would keep the token.)
  const waiting = await findWaitingInvoicePayment(ctx.db, invoice.customerId, invoice.id, new Date(ctx.now.getTime() - RESUME_WITHIN_MS));
  if (waiting) return waiting;
  return createPayment(ctx, {
    customerId: invoice.customerId,
    accountId: invoice.accountId,
    amount: invoice.amount,
    actorId: null,
    origin: ctx.origin,
    invoice: { id: invoice.id, number: invoice.number },
    // Not the invoice's link: its token is stored nowhere, and the gateway need not learn it.
    returnUrl: (paymentId) => new URL(`/pay/done/${invoice.customerId}/${paymentId}`, ctx.publicUrl).href,
  });
}

/** What the page the gateway sends an invoice's payer back to shows: that payment's outcome, nothing else. */
export async function getPublicPaymentStatus(ctx: { db: Db; now: Date; ip: string }, key: { customerId: string; id: string }): Promise<{ status: Payment['status']; amount: number }> {
  const limit = await hit(ctx.db, `invoice-link:${clientKey(ctx.ip)}`, LINK_LIMIT, ctx.now);
  if (!limit.allowed) throw new TooManyLinkAttemptsError(limit.retryAfterSeconds);
  const payment = await findPayment(ctx.db, key);
  // Only payments made through a public link are shown here; an account's own payments need signing in.
  if (!payment || payment.invoiceId === null || payment.createdBy !== null) throw new PaymentNotFoundError();
  return { status: payment.status, amount: payment.amount };
}
