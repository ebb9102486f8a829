import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { Jobs } from '../jobs/jobs.ts';
import { createMailDelivery, handleMailSend, queueMail } from './mail.ts';
import { findMessage } from './store.ts';

let database: DatabaseHandle;
let jobs: Jobs;
let smtp: TestSmtpServer;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = new Jobs(database.jobsConnection, pino({ level: 'silent' }));
  await jobs.start();
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await jobs?.stop(1000);
  await database?.close();
  await smtp?.close();
});

const letter = { to: 'ivanov@example.ru', subject: 'Код подтверждения', text: 'Ваш код: 123456', html: '<p>Ваш код: <b>123456</b></p>' };

describe('queueMail', () => {
  it('enqueues nothing when the transaction that asked for it rolls back', async () => {
    let messageId = '';
    await expect(
      database.db.transaction().execute(async (trx) => {
        messageId = await queueMail(trx, jobs, letter);
        throw new Error('business rule failed after the mail was queued');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await findMessage(database.db, messageId)).toBeUndefined();
    const queued = await jobs.find('mail.send');
    expect(queued.filter((job) => job.data.messageId === messageId)).toEqual([]);
  });

  it('enqueues the delivery job together with the committed message', async () => {
    const messageId = await database.db.transaction().execute((trx) => queueMail(trx, jobs, letter));
    expect(await findMessage(database.db, messageId)).toMatchObject({ status: 'queued', to: letter.to });
    const queued = await jobs.find('mail.send');
    expect(queued.filter((job) => job.data.messageId === messageId)).toHaveLength(1);
  });
});

describe('handleMailSend', () => {
  it('delivers over SMTP once, even when the job runs twice', async () => {
    const messageId = await database.db.transaction().execute((trx) => queueMail(trx, jobs, { ...letter, to: 'twice@example.ru' }));
    const handle = handleMailSend(database.db, createMailDelivery(smtp.url, 'Kabinet <no-reply@kabinet.test>'));
    await handle({ messageId });
    await handle({ messageId });
    const mails = smtp.received.filter((mail) => mail.to.includes('twice@example.ru'));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.raw).toContain(`Message-ID: <${messageId}@kabinet>`);
    expect(await findMessage(database.db, messageId)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('keeps the message queued and fails the job when SMTP refuses, so pg-boss retries it', async () => {
    const messageId = await database.db.transaction().execute((trx) => queueMail(trx, jobs, { ...letter, to: 'later@example.ru' }));
    const handle = handleMailSend(database.db, createMailDelivery(smtp.url, 'Kabinet <no-reply@kabinet.test>'));
    smtp.refuseNext(1);
    await expect(handle({ messageId })).rejects.toThrow();
    expect(await findMessage(database.db, messageId)).toMatchObject({ status: 'queued', attempts: 1 });
    await handle({ messageId });
    expect(await findMessage(database.db, messageId)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('puts the message in the outbox when no SMTP server is configured', async () => {
    const messageId = await database.db.transaction().execute((trx) => queueMail(trx, jobs, letter));
    await handleMailSend(database.db, createMailDelivery(undefined, 'Kabinet <no-reply@kabinet.test>'))({ messageId });
    expect(await findMessage(database.db, messageId)).toMatchObject({ status: 'outbox' });
  });

  it('is run by the job worker for a committed message', async () => {
    await jobs.work('mail.send', handleMailSend(database.db, createMailDelivery(smtp.url, 'Kabinet <no-reply@kabinet.test>')));
    const messageId = await database.db.transaction().execute((trx) => queueMail(trx, jobs, { ...letter, to: 'worker@example.ru' }));
    await expect.poll(() => smtp.received.filter((mail) => mail.to.includes('worker@example.ru')).length, { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => (await findMessage(database.db, messageId))?.status).toBe('sent');
  });
});
