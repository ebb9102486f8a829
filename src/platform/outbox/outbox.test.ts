import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { Jobs } from '../jobs/jobs.ts';
import { createMailDelivery, handleMailSend, queueMail } from '../mail/mail.ts';
import { handleSmsSend, queueSms } from '../sms/sms.ts';
import { listOutbox } from './outbox.ts';

let database: DatabaseHandle;
let jobs: Jobs;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = new Jobs(database.jobsConnection, pino({ level: 'silent' }));
  await jobs.start();
});
afterAll(async () => {
  await jobs?.stop(1000);
  await database?.close();
});

describe('listOutbox', () => {
  it('merges mail and SMS kept in the outbox, newest first, up to the limit', async () => {
    expect(await listOutbox(database.db, { limit: 10 })).toEqual([]);
    const toMailOutbox = handleMailSend(database.db, createMailDelivery(undefined, 'Kabinet <no-reply@kabinet.test>'));
    const toSmsOutbox = handleSmsSend(database.db, undefined);
    // One transaction: all four share created_at, so the order comes from the time-ordered ids.
    const [first, second, third, stillQueued] = await database.db.transaction().execute(async (trx) => [
      await queueMail(trx, jobs, { to: 'ivanov@example.ru', subject: 'Код подтверждения', text: 'Ваш код: 123456' }),
      await queueSms(trx, jobs, { to: '+79161234567', text: 'Код для входа: 482913' }),
      await queueMail(trx, jobs, { to: 'petrov@example.ru', subject: 'Заявка принята', text: 'Заявка З-000123 принята.' }),
      await queueSms(trx, jobs, { to: '+79161234568', text: 'Не доставлено' }),
    ] as const);
    const latest = await queueSms(database.db, jobs, { to: '+79161234569', text: 'Код для входа: 771122' });
    for (const messageId of [first, third]) await toMailOutbox({ messageId });
    for (const messageId of [second, latest]) await toSmsOutbox({ messageId });

    const outbox = await listOutbox(database.db, { limit: 10 });
    expect(outbox.map((message) => message.id)).toEqual([latest, third, second, first]);
    expect(outbox.map((message) => message.id)).not.toContain(stillQueued);
    expect(outbox[1]).toMatchObject({ channel: 'mail', to: 'petrov@example.ru', subject: 'Заявка принята', text: 'Заявка З-000123 принята.' });
    expect(outbox[2]).toMatchObject({ channel: 'sms', to: '+79161234567', subject: null, text: 'Код для входа: 482913' });
    expect(outbox[0]?.createdAt).toBeInstanceOf(Date);

    expect((await listOutbox(database.db, { limit: 2 })).map((message) => message.id)).toEqual([latest, third]);
  });
});
