/**
 * The outside world of the app under test: a real SMTP server and an HTTP SMS gateway in SMS.ru's
 * shape. Playwright starts this process as its first web server, before the app, so that the app
 * sends real mail and SMS to them. Tests read what arrived from GET /messages.
 *
 *   E2E_SMTP_PORT       the SMTP port
 *   E2E_STAND_INS_PORT  the HTTP port: POST /sms/send, GET /messages, GET /healthz,
 *                       POST /registry/findById/party (a DaData-compatible company registry: support/registry.ts)
 */
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { parseMail } from './mime.ts';
import { answerRegistry } from './registry.ts';
import type { Outbox } from './messages.ts';

const smtpPort = Number(process.env.E2E_SMTP_PORT);
const httpPort = Number(process.env.E2E_STAND_INS_PORT);
if (!smtpPort || !httpPort) throw new Error('E2E_SMTP_PORT and E2E_STAND_INS_PORT must be set');

const outbox: Outbox = { mail: [], sms: [] };

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const { subject, text } = parseMail(Buffer.concat(chunks).toString('utf8'));
      for (const rcpt of session.envelope.rcptTo) {
        outbox.mail.push({ to: rcpt.address.toLowerCase(), subject, text, at: new Date().toISOString() });
      }
      callback();
    });
  },
});

const http = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/healthz') return res.end('{"ok":true}');
    if (url.pathname === '/messages' && req.method === 'GET') return res.end(JSON.stringify(outbox));
    if (answerRegistry(req, res, url, body)) return;
    if (url.pathname === '/sms/send') {
      const params = Object.fromEntries([...url.searchParams, ...new URLSearchParams(body)]);
      const to = params.to ?? '';
      const smsId = `000000-${10000000 + outbox.sms.length}`;
      outbox.sms.push({ to, text: params.msg ?? '', at: new Date().toISOString() });
      return res.end(
        JSON.stringify({ status: 'OK', status_code: 100, sms: { [to]: { status: 'OK', status_code: 100, sms_id: smsId } } }),
      );
    }
    res.statusCode = 404;
    res.end('{"status":"ERROR"}');
  });
});

await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
await new Promise<void>((resolve) => http.listen(httpPort, '127.0.0.1', resolve));
console.log(`stand-ins: SMTP on ${smtpPort}, SMS gateway and /messages on ${httpPort}`);

function stop() {
  http.close();
  smtp.close(() => process.exit(0));
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
