import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { freePort } from './e2e/support/free-port.ts';

// Playwright loads this file again in every worker process. The runner picks the port and the data
// directory once and passes them on through the environment, which the workers inherit.
if (!process.env.E2E_PORT) process.env.E2E_PORT = String(await freePort());
if (!process.env.E2E_SMTP_PORT) process.env.E2E_SMTP_PORT = String(await freePort());
if (!process.env.E2E_STAND_INS_PORT) process.env.E2E_STAND_INS_PORT = String(await freePort());
if (!process.env.E2E_DATA_DIR) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kabinet-e2e-'));
  process.env.E2E_DATA_DIR = dataDir;
  // The runner exits after it has stopped the server, so nothing holds the directory by then.
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}

const port = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;
const standIns = `http://127.0.0.1:${process.env.E2E_STAND_INS_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    headless: true,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      // The mail server and SMS gateway the app talks to: up before the app, so nothing it sends is lost.
      command: 'node e2e/support/stand-ins.ts',
      url: `${standIns}/healthz`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        E2E_SMTP_PORT: String(process.env.E2E_SMTP_PORT),
        E2E_STAND_INS_PORT: String(process.env.E2E_STAND_INS_PORT),
      },
    },
    {
      // The real app with the demo provider: it serves the freshly built web/dist and the API from one port.
      // The first administrator comes from the console, as in production: before the server starts,
      // since one process at a time holds the embedded database. The invitation goes to the SMTP stand-in.
      command:
        "npm run build && node src/main.ts demo && node src/main.ts admin create --email admin@kabinet.test --name 'Администратор' && " +
        // family.spec.ts: a moderator with a password (turns on two-factor at the first sign-in).
        "printf '%s' 'регистратура клиники рассвет' | node src/main.ts admin create --email family.moderator@kabinet.test --name 'Ольга Регистратор' --role moderator --password-stdin && " +
        // companies.spec.ts: the moderator of the companies queue.
        "printf '%s' 'очередь компаний на проверке' | node src/main.ts admin create --email companies.moderator@kabinet.test --name 'Пётр Проверяющий' --role moderator --password-stdin && " +
        // subscribers.spec.ts: the moderator who marks the signed papers received.
        "printf '%s' 'подписанные документы получены' | node src/main.ts admin create --email activations.moderator@kabinet.test --name 'Ирина Активатор' --role moderator --password-stdin && " +
        // organizations.spec.ts: the moderator who approves the company and the employee's join request.
        "printf '%s' 'модератор проверяет компании' | node src/main.ts admin create --email organizations.moderator@kabinet.test --name 'Мария Модератор' --role moderator --password-stdin && " +
        // accounts.spec.ts: the moderator who activates the internet subscriber.
        "printf '%s' 'абонент интернета подключён' | node src/main.ts admin create --email accounts.moderator@kabinet.test --name 'Антон Подключающий' --role moderator --password-stdin && " +
        'npm start',
      url: `${baseURL}/readyz`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: 'pipe',
      stderr: 'pipe',
      // SIGTERM lets the server close its embedded database cleanly.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        KABINET_DATA_DIR: String(process.env.E2E_DATA_DIR),
        LOG_LEVEL: 'warn',
        SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
        MAIL_FROM: 'Kabinet <no-reply@kabinet.test>',
        // SMS.ru's protocol: form parameters in, `{"status":"OK","sms":{"<to>":{"sms_id":…}}}` out.
        SMS_GATEWAY_URL: `${standIns}/sms/send`,
        SMS_GATEWAY_PARAMS: 'json=1',
        SMS_GATEWAY_ID_PATH: 'sms.*.sms_id',
        SMS_GATEWAY_OK_PATH: 'status',
        SMS_GATEWAY_OK_VALUE: 'OK',
        // DaData's protocol (support/registry.ts): INNs beginning 9901 answer 500, as a registry that is down.
        REGISTRY_URL: `${standIns}/registry`,
        REGISTRY_TOKEN: 'e2e-registry-token',
      },
    },
  ],
});
