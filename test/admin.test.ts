import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { Jobs } from '../src/platform/jobs/jobs.ts';
import { loginAs, ORIGIN, sessionCookie } from './support/identity.ts';
import { runKabinetCommand } from './support/process.ts';
import { enableTotp, passSecondFactor, settled } from './support/staff.ts';

// A fresh embedded data directory runs initdb first (several seconds).
vi.setConfig({ testTimeout: 180_000 });

const dataDir = mkdtempSync(path.join(tmpdir(), 'kabinet-admin-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const env = { KABINET_DATA_DIR: dataDir, DATABASE_URL: undefined, PUBLIC_URL: 'https://cabinet.example.ru' };

const kabinet = (args: string[]) => runKabinetCommand(args, env);

/** `runKabinetCommand` gives the child no stdin; `--password-stdin` needs a pipe. */
async function kabinetWithStdin(args: string[], stdin: string) {
  const child = spawn(process.execPath, [path.resolve(import.meta.dirname, '../src/main.ts'), ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, DATABASE_URL: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(stdin);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

/** The cabinet over the data directory the CLI used, for `app.inject`. */
async function openApp() {
  // The default PUBLIC_URL, so requests from the test support's ORIGIN pass the origin check.
  const config = loadConfig({ LOG_LEVEL: 'silent', KABINET_WEB_DIR: '/nonexistent', KABINET_DATA_DIR: dataDir });
  const database = await openDatabase({ dataDir });
  const jobs = new Jobs(database.jobsConnection, pino({ level: 'silent' }));
  await jobs.start();
  const app = await buildApp({ config, db: database.db, jobs, logger: pino({ level: 'silent' }) });
  await app.ready();
  return {
    app,
    db: database.db,
    async close() {
      await app.close();
      await jobs.stop(1000);
      await database.close();
    },
  };
}

describe('kabinet admin create', () => {
  it('creates the first administrator, whose invitation works end to end', async () => {
    const created = await kabinet(['admin', 'create', '--email', 'Chief@Provider.example.ru', '--name', 'Анна Главная']);
    expect(created.code, created.output).toBe(0);
    const link = /Setup link \(valid 24 hours\): (https:\/\/cabinet\.example\.ru\/staff\/setup\?flow=([0-9a-f-]{36}))/.exec(created.stdout);
    expect(link, created.stdout).not.toBeNull();
    expect(created.stdout).not.toMatch(/\b\d{6}\b/);
    expect(created.stdout).toContain("read it with 'kabinet outbox'");

    const outbox = await kabinet(['outbox', '--json']);
    const [mail] = JSON.parse(outbox.stdout) as Array<{ to: string; text: string }>;
    expect(mail?.to).toBe('chief@provider.example.ru');
    expect(mail?.text).toContain(link![1]);
    const code = /код (\d{6})/.exec(mail!.text)![1]!;

    const again = await kabinet(['admin', 'create', '--email', 'chief@provider.example.ru', '--name', 'Двойник']);
    expect(again.code).toBe(1);
    expect(again.output).toContain('This email address is already used by another account.');

    const { app, db, close } = await openApp();
    try {
      const completed = await settled(() => app.inject({ method: 'POST', url: `/api/v1/identity/staff-invitations/${link![2]}/complete`, headers: { origin: ORIGIN }, payload: { code, password: 'пароль главного админа' } }));
      expect(completed.statusCode, completed.body).toBe(204);
      const login = await settled(() => loginAs(app, 'chief@provider.example.ru', 'пароль главного админа'));
      expect(login.statusCode).toBe(200);
      const refused = await app.inject({ url: '/api/v1/backoffice/staff', headers: { cookie: sessionCookie(login) } });
      expect(refused.json().code).toBe('totp_enrollment_required');

      const user = await db.selectFrom('identity_user').select(['id', 'kind', 'staff_role']).where('email_normalized', '=', 'chief@provider.example.ru').executeTakeFirstOrThrow();
      expect(user).toMatchObject({ kind: 'staff', staff_role: 'administrator' });
      const secret = await enableTotp(db, user.id);
      const cookie = await passSecondFactor(app, sessionCookie(await settled(() => loginAs(app, 'chief@provider.example.ru', 'пароль главного админа'))), secret);
      const staff = await app.inject({ url: '/api/v1/backoffice/staff', headers: { cookie } });
      expect(staff.json().items).toEqual([expect.objectContaining({ id: user.id, role: 'administrator', totpEnabled: true })]);
      const audit = await db.selectFrom('audit_event').select(['event', 'actor_id']).where('subject_id', '=', user.id).orderBy('id').execute();
      expect(audit.slice(0, 3)).toEqual([
        { event: 'staff.created', actor_id: null },
        { event: 'staff.invitation_sent', actor_id: null },
        { event: 'staff.invitation_accepted', actor_id: user.id },
      ]);
    } finally {
      await close();
    }
  });

  it('takes a policy-checked password from stdin instead of inviting', async () => {
    const weak = await kabinetWithStdin(['admin', 'create', '--email', 'robot@provider.example.ru', '--name', 'Робот', '--role', 'operator', '--password-stdin'], 'qwerty123\n');
    expect(weak.code, weak.output).toBe(1);
    expect(weak.output).toContain('This password is too common');
    const strong = await kabinetWithStdin(['admin', 'create', '--email', 'robot@provider.example.ru', '--name', 'Робот', '--role', 'operator', '--password-stdin'], 'пароль для автоматизации\n');
    expect(strong.code, strong.output).toBe(0);
    expect(strong.output).toContain('with the password from stdin');
    expect(strong.output).not.toContain('Setup link');
  });

  it('explains its usage and refuses wrong arguments with exit code 2', async () => {
    const help = await kabinet(['admin', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: kabinet admin create --email EMAIL --name NAME');
    for (const args of [['admin'], ['admin', 'create', '--name', 'Без почты'], ['admin', 'create', '--email', 'a@b.ru', '--name', 'Икс', '--role', 'king'], ['admin', 'create', '--bogus']]) {
      const bad = await kabinet(args);
      expect(bad.code, args.join(' ')).toBe(2);
    }
  });
});
