import { createServer, type IncomingHttpHeaders } from 'node:http';

export interface ReceivedSms {
  method: string;
  headers: IncomingHttpHeaders;
  /** Query and form parameters together, as the gateway reads them. */
  params: Record<string, string>;
  smsId: string;
}

export interface TestSmsGateway {
  /** The send endpoint, like https://sms.ru/sms/send. */
  url: string;
  /** Messages the gateway accepted. */
  received: ReceivedSms[];
  /** Fail the next `count` requests: with HTTP 500, or HTTP 200 and SMS.ru's `"status":"ERROR"`. */
  failNext(count: number, how: 'http-500' | 'status-error'): void;
  close(): Promise<void>;
}

/** A local HTTP server answering like SMS.ru's /sms/send with json=1, recording what it accepts. */
export async function startSmsGateway(): Promise<TestSmsGateway> {
  const received: ReceivedSms[] = [];
  let failures = { count: 0, how: 'http-500' as 'http-500' | 'status-error' };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const params = Object.fromEntries([...url.searchParams, ...new URLSearchParams(body)]);
      res.setHeader('content-type', 'application/json');
      if (failures.count > 0) {
        failures.count--;
        if (failures.how === 'http-500') {
          res.statusCode = 500;
          res.end(JSON.stringify({ status: 'ERROR', status_text: 'Internal error' }));
        } else {
          res.end(JSON.stringify({ status: 'ERROR', status_code: 200, status_text: 'Неправильный api_id' }));
        }
        return;
      }
      const smsId = `000000-${10000000 + received.length}`;
      received.push({ method: req.method ?? '', headers: req.headers, params, smsId });
      const to = params.to ?? '';
      res.end(JSON.stringify({ status: 'OK', status_code: 100, sms: { [to]: { status: 'OK', status_code: 100, sms_id: smsId } }, balance: 4122.56 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/sms/send`,
    received,
    failNext(count, how) {
      failures = { count, how };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
