import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../../test/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { ORIGIN, registerCustomer } from '../../../../test/support/identity.ts';
import { createCustomer } from '../../../../test/support/parties.ts';
import { signInStaff, type SignedInStaff } from '../../../../test/support/staff.ts';
import { getBalance, verifyLedger } from '../../accounts/index.ts';
import type { ApiScope } from '../scopes.ts';
import { createApiToken } from '../tokens.ts';

let t: TestApp;
let ledgerToken: string;
let accountant: SignedInStaff;
let seq = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++seq}`;

async function token(scopes: ApiScope[]) {
  return (await createApiToken({ db: t.database.db, now: new Date(), actorId: null }, { name: `Биллинг ${++seq}`, scopes })).token;
}

beforeAll(async () => {
  t = await createTestApp();
  ledgerToken = await token(['ledger:write']);
  accountant = await signInStaff(t.app, t.database.db, 'accountant');
});
afterAll(async () => t?.close());

function send(kind: string, items: unknown[], bearer: string | null = ledgerToken, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/integration/${kind}`,
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
    payload: { items },
  });
}

async function newAccount() {
  const customerId = await createCustomer(t.database.db);
  const account = await createAccount(t.database.db, customerId, { number: unique('ЛС'), blockThreshold: null });
  return { customerId, accountId: account.id, number: account.number };
}

describe('POST /api/v1/integration/<kind>', () => {
  it('refuses a request without a token (401) and a token without the kind’s scope (403), applying nothing', async () => {
    const a = await newAccount();
    const item = { external_id: unique('pay'), account_number: a.number, amount: 100, occurred_at: '2026-11-01T10:00:00Z' };
    expect((await send('payments', [item], null)).statusCode).toBe(401);
    const usageOnly = await token(['usage:write']);
    const refused = await send('payments', [item], usageOnly);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'api_scope_missing', scope: 'ledger:write' });
    expect((await send('customers', [], ledgerToken)).statusCode).toBe(403);
    expect(await getBalance(t.database.db, a.customerId, a.accountId)).toBe(0);
    const allowed = await send('usage', [{ account_number: a.number, day: '2026-11-01', metric: 'traffic_mb', quantity: 5 }], usageOnly);
    expect(allowed.statusCode).toBe(200);
  });

  it('takes 10,000 items in one call, in one transaction, and a replay of the call changes nothing', async () => {
    const accounts = await Promise.all(Array.from({ length: 20 }, () => newAccount()));
    const prefix = unique('bulk');
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      external_id: `${prefix}-${i}`,
      account_number: accounts[i % accounts.length]!.number,
      amount: 100 + (i % 7),
      charge_type: 'one_time',
      service_code: 'static_ip',
      description: 'Статический IP-адрес',
      occurred_at: '2026-11-01T10:00:00+03:00',
    }));
    const expected = new Map<string, number>();
    items.forEach((item) => expected.set(item.account_number, (expected.get(item.account_number) ?? 0) - item.amount));

    const response = await send('charges', items);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ kind: 'charges', received: 10_000, added: 10_000, updated: 0, unchanged: 0, invalid: 0, problems: [] });
    for (const account of accounts) expect(await getBalance(t.database.db, account.customerId, account.accountId)).toBe(expected.get(account.number));

    const replay = await send('charges', items);
    expect(replay.json()).toMatchObject({ added: 0, unchanged: 10_000, invalid: 0 });
    for (const account of accounts) expect(await getBalance(t.database.db, account.customerId, account.accountId)).toBe(expected.get(account.number));
    expect((await verifyLedger(t.database.db)).mismatches).toEqual([]);

    const tooMany = await send('charges', [...items, items[0]]);
    expect(tooMany.statusCode).toBe(400);
  }, 300_000);

  it('reports items of the wrong kind and invalid ones with their index and a Russian (or English) message', async () => {
    const a = await newAccount();
    const items = [
      { external_id: unique('pay'), account_number: a.number, amount: 500, occurred_at: '2026-11-01T10:00:00Z' },
      { account_number: a.number, day: '2026-11-01', metric: 'traffic_mb', quantity: 10 },
      { external_id: unique('pay'), account_number: a.number, amount: 0, occurred_at: '2026-11-01T10:00:00Z' },
    ];
    const response = await send('payments', items);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ received: 3, added: 1, invalid: 2 });
    expect(report.problems[0].index).toBe(1);
    expect(report.problems[0].errors).toEqual(
      expect.arrayContaining([
        { field: 'day', code: 'unknown_field', message: 'Неизвестное поле day' },
        { field: 'external_id', code: 'required', message: 'Не заполнено поле external_id' },
      ]),
    );
    expect(report.problems[1]).toEqual({ index: 2, errors: [{ field: 'amount', code: 'positive', message: 'amount: сумма должна быть больше нуля' }] });
    const english = await send('payments', [items[2]], ledgerToken, { 'accept-language': 'en' });
    expect(english.json().problems[0].errors[0].message).toBe('amount must be more than zero');
    expect(await getBalance(t.database.db, a.customerId, a.accountId)).toBe(500);
  });

  it('answers a retry with the same Idempotency-Key with the first report', async () => {
    const a = await newAccount();
    const items = [{ external_id: unique('pay'), account_number: a.number, amount: 700, occurred_at: '2026-11-01T10:00:00Z' }];
    const key = { 'idempotency-key': unique('key') };
    const first = await send('payments', items, ledgerToken, key);
    const retry = await send('payments', items, ledgerToken, key);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(first.json()).toMatchObject({ added: 1 });
  });

  it('refuses a body that is not an envelope of items', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/integration/payments', headers: { authorization: `Bearer ${ledgerToken}` }, payload: [{ amount: 1 }] });
    expect(response.statusCode).toBe(400);
  });
});

function upload(kind: string, file: { bytes: Buffer; name: string }, cookie: string | null) {
  const boundary = `----kabinet${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/backoffice/imports/${kind}`,
    headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

describe('POST /api/v1/backoffice/imports/:kind', () => {
  it('loads a CSV or an XLSX file and answers the report with the lines of the invalid rows', async () => {
    const a = await newAccount();
    const csv = `external_id;account_number;amount;occurred_at\n${unique('pay')};${a.number};1000;2026-11-01\n${unique('pay')};${a.number};много;2026-11-01\n`;
    const response = await upload('payments', { bytes: Buffer.from(csv), name: 'payments.csv' }, accountant.cookie);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'payments', received: 2, added: 1, invalid: 1, problems: [{ index: 1, line: 3, errors: [{ field: 'amount', code: 'integer' }] }] });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Потребление');
    sheet.addRow(['account_number', 'day', 'metric', 'quantity']);
    sheet.addRow([a.number, new Date('2026-11-01T00:00:00Z'), 'traffic_mb', 2048]);
    const xlsx = await upload('usage', { bytes: Buffer.from(await workbook.xlsx.writeBuffer()), name: 'usage.xlsx' }, accountant.cookie);
    expect(xlsx.json()).toMatchObject({ kind: 'usage', added: 1, invalid: 0 });
    expect(await getBalance(t.database.db, a.customerId, a.accountId)).toBe(1000);

    const audit = await t.database.db.selectFrom('audit_event').select('details').where('actor_id', '=', accountant.userId).where('event', '=', 'integration.batch_loaded').execute();
    expect(audit.map((row) => row.details.kind)).toEqual(['payments', 'usage']);
  });

  it('refuses a file that is not a table, or not of the kind, loading nothing', async () => {
    const pdf = await upload('payments', { bytes: Buffer.from('%PDF-1.4\n\u0000\u0001binary'), name: 'payments.csv' }, accountant.cookie);
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json()).toMatchObject({ code: 'import_file_unusable', loadedRows: 0 });
    const columns = await upload('payments', { bytes: Buffer.from('number,kind\n1,water\n'), name: 'accounts.csv' }, accountant.cookie);
    expect(columns.json()).toMatchObject({ code: 'import_file_unusable', detail: expect.stringContaining('unknown column "number"') });
    const wrongKind = await upload('invoices', { bytes: Buffer.from('a\n1\n'), name: 'a.csv' }, accountant.cookie);
    expect(wrongKind.statusCode).toBe(400);
  });

  it('is for administrators and accountants only: a customer and a moderator get 404, the signed-out 401', async () => {
    const file = { bytes: Buffer.from('external_id,account_number,amount,occurred_at\n'), name: 'p.csv' };
    const customer = await registerCustomer(t.app, t.database.db);
    const moderator = await signInStaff(t.app, t.database.db, 'moderator');
    const administrator = await signInStaff(t.app, t.database.db, 'administrator');
    expect((await upload('payments', file, customer.cookie)).statusCode).toBe(404);
    expect((await upload('payments', file, moderator.cookie)).statusCode).toBe(404);
    expect((await upload('payments', file, null)).statusCode).toBe(401);
    const allowed = await upload('payments', file, administrator.cookie);
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.json()).toMatchObject({ received: 0, invalid: 0 });
  });
});
