import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { client, lastMail } from '../../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { registerCustomer } from '../../../../test/support/employees.ts';
import { addMember } from '../../../../test/support/parties.ts';
import { signInStaff } from '../../../../test/support/staff.ts';
import { claimCode, createSubscriber, registerBySubscriberCode, type Subscriber } from '../../../../test/support/subscribers.ts';
import { handleSubscriberClaimsCleanup } from './cleanup.ts';
import { normalizeContractNumber } from './registration.ts';

let t: TestApp;
const db = () => t.database.db;
const anonymous = () => client(t.app);

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
// Every request comes from 127.0.0.1: the per-client limits are tested on their own below.
beforeEach(async () => {
  await db().deleteFrom('throttle_counter').execute();
});

const check = (code: string) => anonymous()('POST', '/subscriber-registrations/check', { subscriberCode: code });
const confirm = (body: object, cookie?: string) => client(t.app, cookie)('POST', '/subscriber-registrations/confirm', body);
const complete = (claimToken: string, cookie?: string) => client(t.app, cookie)('POST', '/subscriber-registrations/complete', { claimToken });

describe('normalizeContractNumber', () => {
  it('ignores case, spaces, the number sign and the kind of dash', () => {
    expect(normalizeContractNumber(' д – 2019 / 4217 ')).toBe(normalizeContractNumber('Д-2019/4217'));
    expect(normalizeContractNumber('№Д-2019/4217')).toBe('Д-2019/4217');
    expect(normalizeContractNumber('Д-2019/4218')).not.toBe(normalizeContractNumber('Д-2019/4217'));
  });
});

describe('POST /subscriber-registrations/check', () => {
  it('says which detail proves the code, and nothing about the subscriber', async () => {
    const subscriber = await createSubscriber(db(), { name: 'ООО «Секретное имя»' });
    const response = await check(subscriber.code);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ subscriberCode: subscriber.code, details: ['contractNumber', 'inn'] });
    expect(response.body).not.toContain('Секретное');
    expect(response.body).not.toContain(subscriber.inn);
  });

  it('offers the INN alone when the account has no contract number', async () => {
    const subscriber = await createSubscriber(db(), { contractNumber: null });
    expect((await check(subscriber.code)).json().details).toEqual(['inn']);
  });

  it('answers an unknown code with a field error in Russian, and a malformed one with 400', async () => {
    const unknown = await check('99999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'subscriber_not_found', errors: [{ field: 'subscriberCode', message: expect.stringContaining('не найден') }] });
    expect((await check('123456')).statusCode).toBe(400);
    expect((await check('12a')).statusCode).toBe(400);
  });

  it('stops a client walking through the codes', async () => {
    for (let i = 0; i < 30; i++) await check(String(50000 + i));
    const stopped = await check('50100');
    expect(stopped.statusCode).toBe(429);
    expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('POST /subscriber-registrations/confirm', () => {
  it('accepts the contract number however it is typed, and the INN, with a claim token stored hashed', async () => {
    const subscriber = await createSubscriber(db());
    const byContract = await confirm({ subscriberCode: subscriber.code, contractNumber: ` ${subscriber.contractNumber.toLowerCase().replace('-', ' — ')} ` });
    expect(byContract.statusCode, byContract.body).toBe(200);
    const { claimToken, expiresAt } = byContract.json();
    expect(claimToken).toMatch(/^[\w-]{40,}$/);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(29 * 60 * 1000);
    const claims = await db().selectFrom('party_subscriber_claim').select(['token_hash']).where('customer_id', '=', subscriber.customerId).execute();
    expect(claims).toHaveLength(1);
    expect(claims[0]!.token_hash.toString('base64url')).not.toBe(claimToken);

    const byInn = await confirm({ subscriberCode: subscriber.code, inn: subscriber.inn });
    expect(byInn.statusCode).toBe(200);
  });

  it('wants exactly one detail', async () => {
    const subscriber = await createSubscriber(db());
    const none = await confirm({ subscriberCode: subscriber.code });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0]).toMatchObject({ field: 'contractNumber', code: 'one_detail' });
    const both = await confirm({ subscriberCode: subscriber.code, contractNumber: subscriber.contractNumber, inn: subscriber.inn });
    expect(both.statusCode).toBe(400);
  });

  it('counts wrong details per code: after five, even the right one waits an hour', async () => {
    const subscriber = await createSubscriber(db());
    const first = await confirm({ subscriberCode: subscriber.code, contractNumber: 'Д-0000/0000' });
    expect(first.statusCode).toBe(400);
    expect(first.json()).toMatchObject({ code: 'subscriber_detail_mismatch', attemptsLeft: 4, errors: [{ field: 'contractNumber', message: 'Номер договора не совпадает. Осталось попыток: 4.' }] });
    for (let i = 0; i < 3; i++) await confirm({ subscriberCode: subscriber.code, inn: '7707083893' });
    const fifth = await confirm({ subscriberCode: subscriber.code, inn: '7707083893' });
    expect(fifth.json()).toMatchObject({ attemptsLeft: 0 });
    const blocked = await confirm({ subscriberCode: subscriber.code, contractNumber: subscriber.contractNumber });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('too_many_attempts');
    // Another code is not blocked by this one's failures.
    const other = await createSubscriber(db());
    expect((await confirm({ subscriberCode: other.code, contractNumber: other.contractNumber })).statusCode).toBe(200);

    const audit = await db().selectFrom('audit_event').select(['event']).where('subject_id', '=', subscriber.customerId).where('event', '=', 'subscriber.confirm_failed').execute();
    expect(audit).toHaveLength(5);
  });

  it('counts wrong details per client address across codes', async () => {
    const subscribers: Subscriber[] = [];
    for (let i = 0; i < 5; i++) subscribers.push(await createSubscriber(db()));
    for (const subscriber of subscribers) {
      for (let i = 0; i < 4; i++) await confirm({ subscriberCode: subscriber.code, contractNumber: 'неверно' });
    }
    const next = await createSubscriber(db());
    expect((await confirm({ subscriberCode: next.code, contractNumber: next.contractNumber })).statusCode).toBe(429);
  });
});

describe('POST /subscriber-registrations/complete', () => {
  it('makes the user the head waiting for activation, in one go with the queue, the audit and the mail', async () => {
    const subscriber = await createSubscriber(db(), { name: 'ООО «Водоканал-Клиент»' });
    const user = await registerCustomer(t.app, db(), { name: 'Анна Абонентова' });
    const claimToken = await claimCode(t.app, subscriber);

    expect((await complete(claimToken)).statusCode).toBe(401);
    const response = await complete(claimToken, user.cookie);
    expect(response.statusCode, response.body).toBe(200);
    const registration = response.json();
    expect(registration).toMatchObject({ customerId: subscriber.customerId, status: 'awaiting_papers', subscriberCode: subscriber.code, customerName: 'ООО «Водоканал-Клиент»' });

    const mine = await client(t.app, user.cookie)('GET', '/me/customers');
    expect(mine.json().items).toEqual([expect.objectContaining({ customer: expect.objectContaining({ id: subscriber.customerId }), role: 'head', status: 'pending', pendingStep: 'activation' })]);
    const activation = await db().selectFrom('party_activation').selectAll().where('customer_id', '=', subscriber.customerId).executeTakeFirstOrThrow();
    expect(activation).toMatchObject({ id: registration.activationId, user_id: user.userId, account_id: subscriber.accountId, status: 'awaiting_papers' });
    const claim = await db().selectFrom('party_subscriber_claim').selectAll().where('customer_id', '=', subscriber.customerId).executeTakeFirstOrThrow();
    expect(claim.completed_by).toBe(user.userId);
    const audit = await db().selectFrom('audit_event').select(['event', 'actor_id']).where('subject_id', '=', subscriber.customerId).where('event', '=', 'subscriber.registered').execute();
    expect(audit).toEqual([{ event: 'subscriber.registered', actor_id: user.userId }]);
    const mail = await lastMail(db(), user.email);
    expect(mail?.subject).toBe('Вы зарегистрировались: распечатайте два документа');
    expect(mail?.text_body).toContain('«Соглашение о расчетах» и «Заявка на доступ»');

    // The cabinet's own view of the registration, and nothing else of the customer's yet.
    const view = await client(t.app, user.cookie)('GET', `/customers/${subscriber.customerId}/activation`);
    expect(view.json()).toMatchObject({ id: registration.activationId, status: 'awaiting_papers', subscriberCode: subscriber.code, accountNumber: subscriber.accountNumber, contractNumber: subscriber.contractNumber });
    const card = await client(t.app, user.cookie)('GET', `/customers/${subscriber.customerId}`);
    expect(card.statusCode).toBe(403);
    expect(card.json()).toMatchObject({ code: 'membership_pending', pendingStep: 'activation' });
  });

  it('answers a retry with the same registration and refuses the claim to anyone else', async () => {
    const subscriber = await createSubscriber(db());
    const user = await registerCustomer(t.app, db());
    const claimToken = await claimCode(t.app, subscriber);
    const first = (await complete(claimToken, user.cookie)).json();
    const again = await complete(claimToken, user.cookie);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first);
    expect(await db().selectFrom('party_activation').select('id').where('customer_id', '=', subscriber.customerId).execute()).toHaveLength(1);

    const thief = await registerCustomer(t.app, db());
    const stolen = await complete(claimToken, thief.cookie);
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().code).toBe('subscriber_claim_not_found');
  });

  it('tells the next person the code is already registered, before and after they sign up', async () => {
    const subscriber = await createSubscriber(db());
    const first = await registerCustomer(t.app, db());
    const second = await registerCustomer(t.app, db());
    const earlyClaim = await claimCode(t.app, subscriber);
    await registerBySubscriberCode(t.app, subscriber, first.cookie);

    const late = await confirm({ subscriberCode: subscriber.code, contractNumber: subscriber.contractNumber });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'subscriber_code_taken', title: expect.stringContaining('Этот код абонента уже зарегистрирован') });
    const raced = await complete(earlyClaim, second.cookie);
    expect(raced.statusCode).toBe(409);
    expect(raced.json().code).toBe('subscriber_code_taken');
  });

  it('lets one of two people redeeming at the same moment win', async () => {
    const subscriber = await createSubscriber(db());
    const people = [await registerCustomer(t.app, db()), await registerCustomer(t.app, db())];
    const claims = [await claimCode(t.app, subscriber), await claimCode(t.app, subscriber)];
    const answers = await Promise.all(people.map((person, i) => complete(claims[i]!, person.cookie)));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    expect(await db().selectFrom('party_membership').select('user_id').where('customer_id', '=', subscriber.customerId).execute()).toHaveLength(1);
  });

  it('sends someone whose company already has a head to join through the head', async () => {
    const subscriber = await createSubscriber(db());
    const head = await registerCustomer(t.app, db());
    await addMember(db(), subscriber.customerId, head.userId, { role: 'head' });
    const response = await confirm({ subscriberCode: subscriber.code, contractNumber: subscriber.contractNumber });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'subscriber_has_head', title: expect.stringContaining('подайте заявку на присоединение') });
  });

  it('refuses a member of the customer, an expired claim, and staff', async () => {
    const subscriber = await createSubscriber(db());
    const employee = await registerCustomer(t.app, db());
    await addMember(db(), subscriber.customerId, employee.userId, { role: 'employee' });
    const asMember = await confirm({ subscriberCode: subscriber.code, contractNumber: subscriber.contractNumber }, employee.cookie);
    expect(asMember.json().code).toBe('subscriber_already_member');

    const other = await createSubscriber(db());
    const claimToken = await claimCode(t.app, other);
    await db().updateTable('party_subscriber_claim').set({ expires_at: new Date(Date.now() - 1000) }).where('customer_id', '=', other.customerId).execute();
    const user = await registerCustomer(t.app, db());
    const expired = await complete(claimToken, user.cookie);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().title).toContain('30 минут');

    const moderator = await signInStaff(t.app, db(), 'moderator');
    const fresh = await claimCode(t.app, other);
    const asStaff = await complete(fresh, moderator.cookie);
    expect(asStaff.statusCode).toBe(403);
    expect(asStaff.json().code).toBe('subscriber_staff_forbidden');
  });
});

describe('the papers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kabinet-papers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function textOf(pdf: Buffer): string {
    const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  }

  it('are real PDFs with the customer’s data in extractable Cyrillic, for the head waiting for activation', async () => {
    const subscriber = await createSubscriber(db(), { name: 'ООО «Кириллица и Ко»' });
    const user = await registerCustomer(t.app, db(), { name: 'Фёдор Подписантов' });
    await registerBySubscriberCode(t.app, subscriber, user.cookie);

    const agreement = await client(t.app, user.cookie)('GET', `/customers/${subscriber.customerId}/papers/settlement-agreement.pdf`);
    expect(agreement.statusCode, agreement.body).toBe(200);
    expect(agreement.headers['content-type']).toBe('application/pdf');
    expect(agreement.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`Соглашение о расчетах — ${subscriber.code}.pdf`)}`);
    expect(agreement.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const agreementText = textOf(agreement.rawPayload);
    expect(agreementText).toContain('СОГЛАШЕНИЕ О РАСЧЕТАХ');
    expect(agreementText).toContain('ООО «Кириллица и Ко»');
    expect(agreementText).toContain(`ИНН ${subscriber.inn}`);
    expect(agreementText).toContain(`код абонента ${subscriber.code}`);
    expect(agreementText).toContain(`№ ${subscriber.contractNumber}`);
    expect(agreementText).toContain('«Поставщик»');

    const request = await client(t.app, user.cookie)('GET', `/customers/${subscriber.customerId}/papers/access-request.pdf`);
    expect(request.statusCode).toBe(200);
    const requestText = textOf(request.rawPayload);
    expect(requestText).toContain('ЗАЯВКА НА ДОСТУП');
    expect(requestText).toContain('Фёдор Подписантов');
    expect(requestText).toContain(user.email);
    expect(requestText).toContain(subscriber.accountNumber);
  });

  it('carry the provider’s name from the settings', async () => {
    const provider = await db().selectFrom('provider_profile').select('name').executeTakeFirstOrThrow();
    const subscriber = await createSubscriber(db());
    const user = await registerCustomer(t.app, db());
    await registerBySubscriberCode(t.app, subscriber, user.cookie);
    const agreement = await client(t.app, user.cookie)('GET', `/customers/${subscriber.customerId}/papers/settlement-agreement.pdf`);
    expect(textOf(agreement.rawPayload)).toContain(provider.name);
  });

  it('are not there for a member who did not register by code', async () => {
    const subscriber = await createSubscriber(db());
    const head = await registerCustomer(t.app, db());
    await addMember(db(), subscriber.customerId, head.userId, { role: 'head' });
    const response = await client(t.app, head.cookie)('GET', `/customers/${subscriber.customerId}/papers/access-request.pdf`);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('papers_not_available');
  });
});

describe('handleSubscriberClaimsCleanup', () => {
  it('removes confirmations nobody redeemed in time and keeps the redeemed ones as a record', async () => {
    const stale = await createSubscriber(db());
    await claimCode(t.app, stale);
    const redeemed = await createSubscriber(db());
    await registerBySubscriberCode(t.app, redeemed, (await registerCustomer(t.app, db())).cookie);
    const fresh = await createSubscriber(db());
    await claimCode(t.app, fresh);
    const past = new Date(Date.now() - 60 * 60 * 1000);
    await db().updateTable('party_subscriber_claim').set({ expires_at: past }).where('customer_id', 'in', [stale.customerId, redeemed.customerId]).execute();

    await handleSubscriberClaimsCleanup(db())();
    const left = await db().selectFrom('party_subscriber_claim').select('customer_id').where('customer_id', 'in', [stale.customerId, redeemed.customerId, fresh.customerId]).execute();
    expect(left.map((row) => row.customer_id).sort()).toEqual([redeemed.customerId, fresh.customerId].sort());
  });
});
