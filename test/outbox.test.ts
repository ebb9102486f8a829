import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrations.ts';
import { Jobs } from '../src/platform/jobs/jobs.ts';
import { createMailDelivery, handleMailSend, queueMail } from '../src/platform/mail/mail.ts';
import { handleSmsSend, queueSms } from '../src/platform/sms/sms.ts';
import { runKabinetCommand } from './support/process.ts';

// A fresh embedded data directory runs initdb first (several seconds).
vi.setConfig({ testTimeout: 120_000 });

const dataDir = mkdtempSync(path.join(tmpdir(), 'kabinet-outbox-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `kabinet outbox …` on the embedded data directory; resolves with its exit code and stdout. */
function outbox(args: string[]) {
  return runKabinetCommand(['outbox', ...args], { KABINET_DATA_DIR: dataDir, DATABASE_URL: undefined });
}

describe('kabinet outbox', () => {
  it('prints the messages that stayed in the embedded outbox, newest first', async () => {
    const database = await openDatabase({ dataDir });
    try {
      await migrateToLatest(database.db);
      const jobs = new Jobs(database.jobsConnection, pino({ level: 'silent' }));
      await jobs.start();
      const mailId = await database.db
        .transaction()
        .execute((trx) => queueMail(trx, jobs, { to: 'ivanov@example.ru', subject: 'Код подтверждения', text: 'Ваш код: 123456' }));
      const smsId = await database.db.transaction().execute((trx) => queueSms(trx, jobs, { to: '+79161234567', text: 'Код для входа: 482913' }));
      await handleMailSend(database.db, createMailDelivery(undefined, 'Kabinet <no-reply@localhost>'))({ messageId: mailId });
      await handleSmsSend(database.db, undefined)({ messageId: smsId });
      await jobs.stop(1000);
    } finally {
      await database.close();
    }

    const json = await outbox(['--json']);
    expect(json.code, json.output).toBe(0);
    const listed = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(listed).toEqual([
      expect.objectContaining({ channel: 'sms', to: '+79161234567', subject: null, text: 'Код для входа: 482913' }),
      expect.objectContaining({ channel: 'mail', to: 'ivanov@example.ru', subject: 'Код подтверждения', text: 'Ваш код: 123456' }),
    ]);
    expect(new Date(String(listed[0]?.createdAt)).getTime()).not.toBeNaN();

    const table = await outbox(['--limit', '1']);
    expect(table.code, table.output).toBe(0);
    expect(table.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}sms {3}\+79161234567 {2}Код для входа: 482913$/)]);
  });

  it('refuses a limit that is not a whole number from 1 to 1000', async () => {
    const bad = await outbox(['--limit', '0']);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('--limit must be a whole number from 1 to 1000');
  });
});
