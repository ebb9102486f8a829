import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountHolder } from '../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { ORIGIN, registerCustomer } from '../../../test/support/identity.ts';
import { addMember } from '../../../test/support/parties.ts';
import { signInStaff } from '../../../test/support/staff.ts';
import { getBalance } from '../accounts/index.ts';
import { DEMO_REQUISITES } from './demo.ts';
import { QR_OPTIONS } from './qr.ts';

let t: TestApp;
let admin: { cookie: string };
beforeAll(async () => {
  t = await createTestApp();
  admin = await signInStaff(t.app, t.database.db, 'administrator');
});
afterAll(async () => t?.close());

async function payer() {
  const holder = await accountHolder(t.app, t.database.db, { role: 'accountant', customerName: 'ООО «Ромашка»', blockThreshold: null });
  const { inn } = await t.database.db.updateTable('party_customer').set({ kpp: '631701001' }).where('id', '=', holder.customerId).returning('inn').executeTakeFirstOrThrow();
  return { ...holder, inn: inn! };
}

type Payer = Awaited<ReturnType<typeof payer>>;

function setRequisites(cookie: string | undefined, body: unknown) {
  return t.app.inject({ method: 'PUT', url: '/api/v1/backoffice/payments/requisites', headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}) }, payload: body as Record<string, unknown> });
}

function issue(who: Payer, amount: number) {
  return t.app.inject({ method: 'POST', url: `/api/v1/customers/${who.customerId}/accounts/${who.accountId}/invoices`, headers: { origin: ORIGIN, cookie: who.cookie }, payload: { amount } });
}

function tokenOf(link: string) {
  return new URL(link).pathname.split('/').pop()!;
}

/** The text of a PDF, as a person copying it would get it. */
function pdftotext(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
}

/** The PDF's first picture as RGB rows (pdfimages writes colour images as binary PPM). */
function firstImage(pdf: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'kabinet-invoice-'));
  try {
    writeFileSync(path.join(dir, 'invoice.pdf'), pdf);
    execFileSync('pdfimages', ['-f', '1', '-l', '1', path.join(dir, 'invoice.pdf'), path.join(dir, 'img')]);
    const file = readdirSync(dir).filter((name) => name.endsWith('.ppm')).sort()[0];
    if (!file) throw new Error('the PDF has no colour image');
    const data = readFileSync(path.join(dir, file));
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('not a binary PPM');
    const [whole, width, height] = header;
    const start = Buffer.byteLength(whole!, 'latin1');
    const w = Number(width);
    return { width: w, height: Number(height), pixel: (x, y) => data[start + (y * w + x) * 3]! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the provider’s requisites', () => {
  it('are set by an administrator, every field checked; customers and other staff do not see the route', async () => {
    const bad = await setRequisites(admin.cookie, { ...DEMO_REQUISITES, bic: '044525225' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { field: string }) => error.field)).toEqual(['settlementAccount', 'correspondentAccount']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/backoffice/payments/requisites', headers: { cookie: admin.cookie } })).json()).toEqual({ requisites: null });

    const spaced = { ...DEMO_REQUISITES, settlementAccount: '40702 810 5 9440 0012345', kpp: ' 631601001 ' };
    const set = await setRequisites(admin.cookie, spaced);
    expect(set.statusCode).toBe(200);
    expect(set.json().requisites).toEqual(DEMO_REQUISITES);

    const who = await payer();
    const operator = await signInStaff(t.app, t.database.db, 'operator');
    expect((await setRequisites(who.cookie, DEMO_REQUISITES)).statusCode).toBe(404);
    expect((await setRequisites(operator.cookie, DEMO_REQUISITES)).statusCode).toBe(404);
    expect((await setRequisites(undefined, DEMO_REQUISITES)).statusCode).toBe(401);
    const accountant = await signInStaff(t.app, t.database.db, 'accountant');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/backoffice/payments/requisites', headers: { cookie: accountant.cookie } })).json().requisites).toEqual(DEMO_REQUISITES);
  });
});

describe('«Счёт на оплату»', () => {
  it('is issued with a number and a link, and its PDF has the requisites, the payer, the amount in words and the payment QR code', async () => {
    const who = await payer();
    const created = await issue(who, 123_456);
    expect(created.statusCode).toBe(201);
    const { invoice, link } = created.json();
    expect(invoice).toMatchObject({ accountId: who.accountId, amount: 123_456, paidAt: null });
    expect(invoice.number).toMatch(/^С-\d{4}-\d{6}$/);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:3000\/pay\/i\/[\w-]{43}$/);
    // Only the token's hash is kept.
    const row = await t.database.db.selectFrom('payments_invoice').selectAll().where('id', '=', invoice.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(tokenOf(link));

    const response = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${who.customerId}/accounts/${who.accountId}/invoices/${invoice.id}/pdf`, headers: { cookie: who.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(encodeURIComponent(`Счёт ${invoice.number}.pdf`));
    const pdf = response.rawPayload;
    const text = pdftotext(pdf).replace(/\u00a0/g, ' ');
    for (const expected of [
      `Счёт на оплату № ${invoice.number}`,
      'ПОВОЛЖСКИЙ БАНК ПАО СБЕРБАНК',
      '043601607',
      '30101810200000000607',
      '40702810594400012345',
      'ООО «Демосервис», ИНН 6316123458, КПП 631601001',
      `ООО «Ромашка», ИНН ${who.inn}, КПП 631701001`,
      who.number,
      '1 234,56',
      'Одна тысяча двести тридцать четыре рубля 56 копеек',
    ]) {
      expect(text).toContain(expected);
    }

    // The picture in the PDF is exactly the QR code of the GOST payload, module by module.
    const payload =
      `ST00012|Name=ООО «Демосервис»|PersonalAcc=40702810594400012345|BankName=ПОВОЛЖСКИЙ БАНК ПАО СБЕРБАНК|BIC=043601607|` +
      `CorrespAcc=30101810200000000607|PayeeINN=6316123458|KPP=631601001|Sum=123456|` +
      `Purpose=Оплата по счёту № ${invoice.number}, лицевой счёт № ${who.number}|PersAcc=${who.number}`;
    const modules = QRCode.create(payload, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel }).modules;
    const image = firstImage(pdf);
    const cell = QR_OPTIONS.scale;
    expect(image.width).toBe((modules.size + 2 * QR_OPTIONS.margin) * cell);
    let differing = 0;
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        const x = (col + QR_OPTIONS.margin) * cell + cell / 2;
        const y = (row + QR_OPTIONS.margin) * cell + cell / 2;
        const dark = image.pixel(x, y) < 128;
        if (dark !== Boolean(modules.get(row, col))) differing++;
      }
    }
    expect(differing).toBe(0);

    const list = await t.app.inject({ method: 'GET', url: `/api/v1/customers/${who.customerId}/accounts/${who.accountId}/invoices`, headers: { cookie: who.cookie } });
    expect(list.json().items).toEqual([expect.objectContaining({ id: invoice.id, number: invoice.number })]);
  });

  it('is paid through its public link by anyone, which shows nothing but the invoice; a wrong token is 404', async () => {
    const who = await payer();
    const { invoice, link } = (await issue(who, 40_000)).json();
    const token = tokenOf(link);

    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/public/invoices/${token}`, remoteAddress: '10.1.0.1' });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({
      number: invoice.number,
      amount: 40_000,
      providerName: expect.any(String),
      accountNumber: `•••${who.number.slice(-4)}`,
      status: 'unpaid',
      createdAt: invoice.createdAt,
    });
    expect(shown.body).not.toContain('Ромашка');
    expect(shown.body).not.toContain(who.number);
    expect(shown.body).not.toContain(who.customerId);

    for (const wrong of [`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'short']) {
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/invoices/${wrong}`, remoteAddress: '10.1.0.1' })).statusCode).toBe(404);
    }

    const started = await t.app.inject({ method: 'POST', url: `/api/v1/public/invoices/${token}/payments`, headers: { origin: ORIGIN }, remoteAddress: '10.1.0.1' });
    expect(started.statusCode).toBe(201);
    expect(started.json()).toMatchObject({ status: 'pending', confirmationUrl: expect.stringContaining('/pay/test/') });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/invoices/${token}`, remoteAddress: '10.1.0.2' })).json().status).toBe('pending');
    // «Оплатить» again while the first payment waits on the gateway's page: the same page, no second payment.
    const again1 = await t.app.inject({ method: 'POST', url: `/api/v1/public/invoices/${token}/payments`, headers: { origin: ORIGIN }, remoteAddress: '10.1.0.2' });
    expect(again1.json().confirmationUrl).toBe(started.json().confirmationUrl);
    const idempotencyRows = await t.database.db.selectFrom('http_idempotency').select('scope').execute();
    expect(idempotencyRows.some((row) => row.scope.includes(token))).toBe(false);

    const gatewayId = new URL(started.json().confirmationUrl).pathname.split('/').pop()!;
    const page = (await t.app.inject({ method: 'GET', url: `/api/v1/test-gateway/payments/${gatewayId}` })).json();
    // The payer comes back to a page about this payment, not to the invoice's link.
    expect(page.returnUrl).not.toContain(token);
    const back = new URL(page.returnUrl).pathname.split('/');
    const paid = await t.app.inject({ method: 'POST', url: `/api/v1/test-gateway/payments/${gatewayId}/pay`, headers: { origin: ORIGIN } });
    expect(paid.json().status).toBe('succeeded');
    const outcome = await t.app.inject({ method: 'GET', url: `/api/v1/public/payments/${back[3]}/${back[4]}`, remoteAddress: '10.1.0.2' });
    expect(outcome.json()).toEqual({ status: 'succeeded', amount: 40_000 });

    expect(await getBalance(t.database.db, who.customerId, who.accountId)).toBe(40_000);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/invoices/${token}`, remoteAddress: '10.1.0.2' })).json().status).toBe('paid');
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/public/invoices/${token}/payments`, headers: { origin: ORIGIN }, remoteAddress: '10.1.0.2' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invoice_paid');
    const payment = await t.database.db.selectFrom('payments_payment').selectAll().where('customer_id', '=', who.customerId).executeTakeFirstOrThrow();
    expect(payment).toMatchObject({ invoice_id: invoice.id, created_by: null, status: 'succeeded' });
  });

  it('limits how often one address may try links', async () => {
    const statuses = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await t.app.inject({ method: 'GET', url: `/api/v1/public/invoices/${'x'.repeat(43)}`, remoteAddress: '10.9.9.9' })).statusCode);
    }
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it("is refused for another customer's account and invoice, and for members without documents", async () => {
    const owner = await payer();
    const stranger = await payer();
    const { invoice } = (await issue(owner, 1_000)).json();
    const crossAccount = await t.app.inject({
      method: 'POST',
      url: `/api/v1/customers/${stranger.customerId}/accounts/${owner.accountId}/invoices`,
      headers: { origin: ORIGIN, cookie: stranger.cookie },
      payload: { amount: 1_000 },
    });
    expect(crossAccount.statusCode).toBe(404);
    for (const url of [
      `/api/v1/customers/${stranger.customerId}/accounts/${owner.accountId}/invoices/${invoice.id}/pdf`,
      `/api/v1/customers/${stranger.customerId}/accounts/${stranger.accountId}/invoices/${invoice.id}/pdf`,
      `/api/v1/customers/${stranger.customerId}/accounts/${owner.accountId}/invoices`,
    ]) {
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie: stranger.cookie } })).statusCode).toBe(404);
    }
    const employee = await registerCustomer(t.app, t.database.db);
    await addMember(t.database.db, owner.customerId, employee.userId, { role: 'employee' });
    expect((await issue({ ...owner, cookie: employee.cookie }, 1_000)).statusCode).toBe(403);
  });
});
