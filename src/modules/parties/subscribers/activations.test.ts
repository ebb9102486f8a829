import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { client, lastMail } from '../../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { registerCustomer } from '../../../../test/support/employees.ts';
import { ORIGIN, type Registered } from '../../../../test/support/identity.ts';
import { signInStaff, type SignedInStaff } from '../../../../test/support/staff.ts';
import { claimCode, createSubscriber, registerBySubscriberCode, type Subscriber } from '../../../../test/support/subscribers.ts';

let t: TestApp;
let moderator: SignedInStaff;
const db = () => t.database.db;
const staff = () => client(t.app, moderator.cookie);

beforeAll(async () => {
  t = await createTestApp();
  moderator = await signInStaff(t.app, db(), 'moderator', { name: 'Мария Модератор' });
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await db().deleteFrom('throttle_counter').execute();
});

interface Registered2 {
  subscriber: Subscriber;
  user: Registered;
  activationId: string;
}

async function waiting(name?: string): Promise<Registered2> {
  const subscriber = await createSubscriber(db(), name ? { name } : {});
  const user = await registerCustomer(t.app, db(), { name: `Заявитель ${subscriber.code}` });
  const { activationId } = await registerBySubscriberCode(t.app, subscriber, user.cookie);
  return { subscriber, user, activationId };
}

const path = (item: Registered2, action = '') => `/backoffice/activations/${item.subscriber.customerId}/${item.activationId}${action}`;

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

function upload(url: string, file: { name: string; type: string; bytes: Buffer; field?: string }): InjectOptions {
  const boundary = `----kabinet${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'scan'}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`);
  return {
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { origin: ORIGIN, cookie: moderator.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

describe('GET /backoffice/activations', () => {
  it('lists the waiting registrations with their counts, and searches by code, account, name, INN and email', async () => {
    const first = await waiting('ООО «Первый в очереди»');
    const second = await waiting('ООО «Второй в очереди»');
    const response = await staff()('GET', '/backoffice/activations');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items.map((item: { id: string }) => item.id).slice(0, 2)).toEqual([second.activationId, first.activationId]);
    expect(body.items[1]).toMatchObject({
      subscriberId: first.subscriber.customerId,
      status: 'awaiting_papers',
      customer: { name: 'ООО «Первый в очереди»', inn: first.subscriber.inn, kpp: '631501001' },
      account: { number: first.subscriber.accountNumber, subscriberCode: first.subscriber.code, contractNumber: first.subscriber.contractNumber },
      user: { id: first.user.userId, name: `Заявитель ${first.subscriber.code}`, email: first.user.email },
      hasScan: false,
    });
    expect(body.counts.awaiting).toBeGreaterThanOrEqual(2);

    const search = async (query: string) => (await staff()('GET', `/backoffice/activations?query=${encodeURIComponent(query)}`)).json().items.map((item: { id: string }) => item.id);
    expect(await search(first.subscriber.code)).toEqual([first.activationId]);
    expect(await search(first.subscriber.accountNumber)).toEqual([first.activationId]);
    expect(await search('первый в')).toEqual([first.activationId]);
    expect(await search(first.subscriber.inn)).toEqual([first.activationId]);
    expect(await search(first.user.email)).toEqual([first.activationId]);
    expect(await search('нет такого 100%_')).toEqual([]);
  });

  it('pages with a cursor and filters by status', async () => {
    await waiting();
    await waiting();
    const page = await staff()('GET', '/backoffice/activations?limit=1');
    expect(page.json().items).toHaveLength(1);
    const next = await staff()('GET', `/backoffice/activations?limit=1&cursor=${page.json().nextCursor}`);
    expect(next.json().items[0].id).not.toBe(page.json().items[0].id);
    expect((await staff()('GET', '/backoffice/activations?status=activated')).json().items.every((item: { status: string }) => item.status === 'activated')).toBe(true);
  });

  it('is for administrators and moderators only', async () => {
    const item = await waiting();
    const customer = await registerCustomer(t.app, db());
    const operator = await signInStaff(t.app, db(), 'operator');
    const accountant = await signInStaff(t.app, db(), 'accountant');
    const administrator = await signInStaff(t.app, db(), 'administrator');
    const calls: Array<[string, string, object?]> = [
      ['GET', '/backoffice/activations'],
      ['GET', path(item)],
      ['GET', path(item, '/scan')],
      ['POST', path(item, '/papers-received'), {}],
      ['POST', path(item, '/reject'), { reason: 'нет' }],
      ['POST', '/backoffice/activations/papers-received', { items: [{ subscriberId: item.subscriber.customerId, id: item.activationId }] }],
    ];
    for (const [method, url, body] of calls) {
      for (const cookie of [customer.cookie, operator.cookie, accountant.cookie, item.user.cookie]) {
        expect((await client(t.app, cookie)(method as 'GET', url, body)).statusCode, `${method} ${url}`).toBe(404);
      }
      expect((await client(t.app)(method as 'GET', url, body)).statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await client(t.app, administrator.cookie)('GET', path(item))).statusCode).toBe(200);
    expect((await db().selectFrom('party_activation').select('status').where('id', '=', item.activationId).executeTakeFirstOrThrow()).status).toBe('awaiting_papers');
  });
});

describe('POST /backoffice/activations/{subscriberId}/{id}/papers-received', () => {
  it('activates: the head becomes active, the trail shows who did it, the person gets «Личный кабинет активирован»', async () => {
    const item = await waiting('ООО «Активируемое»');
    const response = await staff()('POST', path(item, '/papers-received'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'activated', scan: null, papersReceivedAt: expect.any(String) });
    expect(response.json().trail.map((entry: { event: string }) => entry.event)).toEqual(['subscriber.registered', 'subscriber.activated']);
    expect(response.json().trail[1].actor).toEqual({ id: moderator.userId, name: 'Мария Модератор' });

    const mine = (await client(t.app, item.user.cookie)('GET', '/me/customers')).json().items;
    expect(mine).toEqual([expect.objectContaining({ status: 'active', pendingStep: null, role: 'head' })]);
    expect((await client(t.app, item.user.cookie)('GET', `/customers/${item.subscriber.customerId}`)).statusCode).toBe(200);
    const mail = await lastMail(db(), item.user.email);
    expect(mail?.subject).toBe('Личный кабинет активирован');
    expect(mail?.text_body).toContain('ООО «Активируемое»');

    // Again: nothing changes, no second mail.
    const mails = await db().selectFrom('mail_message').select('id').where('to_address', '=', item.user.email).execute();
    expect((await staff()('POST', path(item, '/papers-received'))).statusCode).toBe(200);
    expect(await db().selectFrom('mail_message').select('id').where('to_address', '=', item.user.email).execute()).toHaveLength(mails.length);

    // The code now has an active head: the next person is sent to join through them.
    const next = await client(t.app)('POST', '/subscriber-registrations/confirm', { subscriberCode: item.subscriber.code, contractNumber: item.subscriber.contractNumber });
    expect(next.json().code).toBe('subscriber_has_head');
  });

  it('keeps a scan whose bytes are PDF, JPEG or PNG, whatever its name says', async () => {
    const item = await waiting();
    const response = await t.app.inject(upload(path(item, '/papers-received'), { name: 'C:\\scans\\соглашение.pdf', type: 'application/pdf', bytes: PNG }));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'activated', scan: { type: 'image/png', name: 'соглашение.png', size: PNG.length } });
    expect(response.json().trail.at(-1)).toMatchObject({ event: 'subscriber.activated', scanName: 'соглашение.png' });
    const list = (await staff()('GET', '/backoffice/activations?status=activated')).json().items;
    expect(list.find((entry: { id: string }) => entry.id === item.activationId).hasScan).toBe(true);

    const scan = await staff()('GET', path(item, '/scan'));
    expect(scan.statusCode).toBe(200);
    expect(scan.headers['content-type']).toBe('image/png');
    expect(scan.headers['content-disposition']).toMatch(/^attachment;/);
    expect(scan.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses a scan that is not a document or image, or too large, and changes nothing', async () => {
    const item = await waiting();
    const text = await t.app.inject(upload(path(item, '/papers-received'), { name: 'scan.pdf', type: 'application/pdf', bytes: Buffer.from('просто текст, а не PDF') }));
    expect(text.statusCode).toBe(400);
    expect(text.json().errors[0]).toMatchObject({ field: 'scan', code: 'scan_wrong_type', message: 'Скан должен быть файлом PDF, JPEG или PNG.' });
    const large = await t.app.inject(upload(path(item, '/papers-received'), { name: 'scan.png', type: 'image/png', bytes: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]) }));
    expect(large.statusCode).toBe(413);
    expect(large.json().errors[0].code).toBe('scan_too_large');
    const wrongField = await t.app.inject(upload(path(item, '/papers-received'), { name: 'scan.png', type: 'image/png', bytes: PNG, field: 'file' }));
    expect(wrongField.statusCode).toBe(400);
    expect((await db().selectFrom('party_activation').select('status').where('id', '=', item.activationId).executeTakeFirstOrThrow()).status).toBe('awaiting_papers');
    expect((await staff()('GET', path(item, '/scan'))).statusCode).toBe(404);
  });

  it('looks the activation up within its customer only', async () => {
    const item = await waiting();
    const other = await waiting();
    const crossed = await staff()('POST', `/backoffice/activations/${other.subscriber.customerId}/${item.activationId}/papers-received`);
    expect(crossed.statusCode).toBe(404);
    expect((await staff()('GET', `/backoffice/activations/${other.subscriber.customerId}/${item.activationId}`)).statusCode).toBe(404);
  });
});

describe('POST /backoffice/activations/papers-received', () => {
  it('activates several at once and says what happened to each', async () => {
    const a = await waiting();
    const b = await waiting();
    const rejected = await waiting();
    await staff()('POST', path(rejected, '/reject'), { reason: 'Документы не поступили' });
    const missing = { subscriberId: a.subscriber.customerId, id: uuidv7() };
    const response = await staff()('POST', '/backoffice/activations/papers-received', {
      items: [
        { subscriberId: a.subscriber.customerId, id: a.activationId },
        { subscriberId: b.subscriber.customerId, id: b.activationId },
        { subscriberId: rejected.subscriber.customerId, id: rejected.activationId },
        missing,
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().results.map((result: { outcome: string }) => result.outcome)).toEqual(['activated', 'activated', 'rejected', 'not_found']);
    for (const item of [a, b]) expect((await lastMail(db(), item.user.email))?.subject).toBe('Личный кабинет активирован');
    expect((await staff()('POST', '/backoffice/activations/papers-received', { items: [] })).statusCode).toBe(400);
  });
});

describe('POST /backoffice/activations/{subscriberId}/{id}/reject', () => {
  it('ends the waiting membership, tells the person why, and frees the code for a new registration', async () => {
    const item = await waiting('ООО «Отказное»');
    expect((await staff()('POST', path(item, '/reject'), { reason: '   ' })).json().errors[0]).toMatchObject({ field: 'reason', message: 'Укажите причину.' });
    const response = await staff()('POST', path(item, '/reject'), { reason: 'Подпись не руководителя' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'rejected', reason: 'Подпись не руководителя' });
    expect(response.json().trail.at(-1)).toMatchObject({ event: 'subscriber.rejected', reason: 'Подпись не руководителя', actor: { name: 'Мария Модератор' } });
    expect((await client(t.app, item.user.cookie)('GET', '/me/customers')).json().items).toEqual([]);
    const mail = await lastMail(db(), item.user.email);
    expect(mail?.subject).toBe('Регистрация абонента отклонена');
    expect(mail?.text_body).toContain('Причина: Подпись не руководителя');
    expect((await staff()('POST', path(item, '/papers-received'))).statusCode).toBe(409);

    // The same person registers again with the code; the old membership is taken up again.
    const again = await registerBySubscriberCode(t.app, item.subscriber, item.user.cookie);
    expect(again.activationId).not.toBe(item.activationId);
    expect((await client(t.app, item.user.cookie)('GET', '/me/customers')).json().items).toEqual([expect.objectContaining({ status: 'pending', pendingStep: 'activation' })]);
  });

  it('cannot undo an activation', async () => {
    const item = await waiting();
    await staff()('POST', path(item, '/papers-received'));
    const response = await staff()('POST', path(item, '/reject'), { reason: 'Передумали' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('activation_already_decided');
  });
});

describe('GET /backoffice/queues', () => {
  it('counts the registrations waiting for papers', async () => {
    const before = (await staff()('GET', '/backoffice/queues')).json().activations;
    const item = await waiting();
    expect((await staff()('GET', '/backoffice/queues')).json().activations).toBe(before + 1);
    await staff()('POST', path(item, '/papers-received'));
    expect((await staff()('GET', '/backoffice/queues')).json().activations).toBe(before);
    // A confirmed code that nobody redeemed is not in the queue.
    await claimCode(t.app, await createSubscriber(db()));
    expect((await staff()('GET', '/backoffice/queues')).json().activations).toBe(before);
  });
});
