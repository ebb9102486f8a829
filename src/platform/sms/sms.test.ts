import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import { startSmsGateway, type TestSmsGateway } from '../../../test/support/sms-gateway.ts';
import { loadConfig } from '../../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { Jobs } from '../jobs/jobs.ts';
import { createHttpSmsGateway, type SmsGateway } from './gateway.ts';
import { handleSmsSend, queueSms } from './sms.ts';
import { findSms } from './store.ts';

let database: DatabaseHandle;
let jobs: Jobs;
let stand: TestSmsGateway;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = new Jobs(database.jobsConnection, pino({ level: 'silent' }));
  await jobs.start();
  stand = await startSmsGateway();
});
afterAll(async () => {
  await jobs?.stop(1000);
  await database?.close();
  await stand?.close();
});

/** The gateway as an operator would configure SMS.ru, through the same environment variables. */
function smsRu(env: Record<string, string> = {}): SmsGateway {
  const { smsGateway } = loadConfig({
    SMS_GATEWAY_URL: stand.url,
    SMS_GATEWAY_AUTH: 'param:api_id=TEST-API-ID',
    SMS_GATEWAY_PARAMS: 'json=1&from=Kabinet',
    SMS_GATEWAY_ID_PATH: 'sms.*.sms_id',
    SMS_GATEWAY_OK_PATH: 'status',
    SMS_GATEWAY_OK_VALUE: 'OK',
    ...env,
  });
  if (!smsGateway) throw new Error('SMS_GATEWAY_URL was not picked up');
  return createHttpSmsGateway(smsGateway);
}

const code = { to: '+79161234567', text: 'Код для входа: 482913' };
const queue = (sms: { to: string; text: string }) => database.db.transaction().execute((trx) => queueSms(trx, jobs, sms));
const receivedBy = (phone: string) => stand.received.filter((sms) => sms.params.to === phone.slice(1));

describe('queueSms', () => {
  it('enqueues nothing when the transaction that asked for it rolls back', async () => {
    let messageId = '';
    await expect(
      database.db.transaction().execute(async (trx) => {
        messageId = await queueSms(trx, jobs, code);
        throw new Error('business rule failed after the SMS was queued');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await findSms(database.db, messageId)).toBeUndefined();
    const queued = await jobs.find('sms.send');
    expect(queued.filter((job) => job.data.messageId === messageId)).toEqual([]);
  });

  it('enqueues the delivery job together with the committed message', async () => {
    const messageId = await queue(code);
    expect(await findSms(database.db, messageId)).toMatchObject({ status: 'queued', to: code.to, text: code.text });
    const queued = await jobs.find('sms.send');
    expect(queued.filter((job) => job.data.messageId === messageId)).toHaveLength(1);
  });

  it('refuses a number that is not E.164', async () => {
    await expect(queue({ ...code, to: '89161234567' })).rejects.toThrow('E.164');
  });
});

describe('handleSmsSend', () => {
  it('posts the configured parameters and key to the gateway once, even when the job runs twice', async () => {
    const messageId = await queue({ ...code, to: '+79161230001' });
    const handle = handleSmsSend(database.db, smsRu());
    await handle({ messageId });
    await handle({ messageId });
    const sent = receivedBy('+79161230001');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.method).toBe('POST');
    expect(sent[0]?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(sent[0]?.headers['idempotency-key']).toBe(messageId);
    expect(sent[0]?.params).toEqual({ api_id: 'TEST-API-ID', json: '1', from: 'Kabinet', to: '79161230001', msg: code.text });
    expect(await findSms(database.db, messageId)).toMatchObject({ status: 'sent', attempts: 1, providerId: sent[0]?.smsId });
  });

  it('sends GET query parameters and a bearer token when configured so', async () => {
    const messageId = await queue({ ...code, to: '+79161230002' });
    await handleSmsSend(database.db, smsRu({ SMS_GATEWAY_METHOD: 'GET', SMS_GATEWAY_AUTH: 'bearer:s3cret', SMS_GATEWAY_TEXT_PARAM: 'text' }))({ messageId });
    const [sent] = receivedBy('+79161230002');
    expect(sent?.method).toBe('GET');
    expect(sent?.headers.authorization).toBe('Bearer s3cret');
    expect(sent?.params).toEqual({ json: '1', from: 'Kabinet', to: '79161230002', text: code.text });
  });

  it('sends basic credentials when configured so', async () => {
    const messageId = await queue({ ...code, to: '+79161230003' });
    await handleSmsSend(database.db, smsRu({ SMS_GATEWAY_AUTH: 'basic:kabinet:pa:ss' }))({ messageId });
    const [sent] = receivedBy('+79161230003');
    expect(sent?.headers.authorization).toBe(`Basic ${Buffer.from('kabinet:pa:ss').toString('base64')}`);
  });

  it.each(['http-500', 'status-error'] as const)(
    'keeps the message queued and fails the job on %s, so pg-boss retries it and it is delivered once',
    async (how) => {
      const phone = how === 'http-500' ? '+79161230004' : '+79161230005';
      const messageId = await queue({ ...code, to: phone });
      const handle = handleSmsSend(database.db, smsRu());
      stand.failNext(1, how);
      await expect(handle({ messageId })).rejects.toThrow(/SMS gateway/);
      const failed = await findSms(database.db, messageId);
      expect(failed).toMatchObject({ status: 'queued', attempts: 1, providerId: null });
      expect(failed?.lastError).toMatch(how === 'http-500' ? /HTTP 500/ : /refused/);
      expect(failed?.lastError).not.toContain('482913');
      await handle({ messageId });
      expect(receivedBy(phone)).toHaveLength(1);
      expect(await findSms(database.db, messageId)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    },
  );

  it('fails without leaking the text when the gateway cannot be reached', async () => {
    const messageId = await queue({ ...code, to: '+79161230006' });
    const unreachable = smsRu({ SMS_GATEWAY_URL: 'http://127.0.0.1:1/sms/send', SMS_GATEWAY_METHOD: 'GET' });
    await expect(handleSmsSend(database.db, unreachable)({ messageId })).rejects.toThrow(/did not answer/);
    const failed = await findSms(database.db, messageId);
    expect(failed).toMatchObject({ status: 'queued', attempts: 1 });
    expect(failed?.lastError).not.toContain('482913');
  });

  it('puts the message in the outbox when no gateway is configured', async () => {
    const messageId = await queue(code);
    await handleSmsSend(database.db, undefined)({ messageId });
    expect(await findSms(database.db, messageId)).toMatchObject({ status: 'outbox', providerId: null });
  });

});

describe('the sms.send worker', () => {
  // A database of its own: a worker takes one job per poll, and the jobs the tests above left
  // queued would keep it busy for longer than this test waits.
  let own: DatabaseHandle;
  let ownJobs: Jobs;
  beforeAll(async () => {
    own = await createTestDatabase();
    ownJobs = new Jobs(own.jobsConnection, pino({ level: 'silent' }));
    await ownJobs.start();
  });
  afterAll(async () => {
    await ownJobs?.stop(1000);
    await own?.close();
  });

  it('delivers a committed message end to end', async () => {
    await ownJobs.work('sms.send', handleSmsSend(own.db, smsRu()));
    const messageId = await own.db.transaction().execute((trx) => queueSms(trx, ownJobs, { ...code, to: '+79161230007' }));
    await expect.poll(() => receivedBy('+79161230007').length, { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => (await findSms(own.db, messageId))?.status).toBe('sent');
  });
});
