import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface StandInPayment {
  id: string;
  status: 'pending' | 'waiting_for_capture' | 'succeeded' | 'canceled';
  paid: boolean;
  amount: { value: string; currency: string };
  description?: string;
  metadata: Record<string, string>;
  confirmation: { type: 'redirect'; confirmation_url: string; return_url: string };
  created_at: string;
  captured_at?: string;
  test: boolean;
}

export type Failure = 'http-500' | 'hang' | 'hang-after-create';

export interface YookassaStandIn {
  /** The API root to configure, like https://api.yookassa.ru/v3 */
  apiUrl: string;
  shopId: string;
  secretKey: string;
  received: ReceivedRequest[];
  payments: Map<string, StandInPayment>;
  /** The next `count` requests fail: 500, no answer at all, or (POST) the payment is made but no answer comes. */
  failNext(count: number, how: Failure): void;
  /** The payer paid (or gave up) on the gateway's page. */
  decide(id: string, status: 'succeeded' | 'canceled'): void;
  /** The body YooKassa posts to the shop's notification URL for this payment. */
  notification(id: string, event?: string): unknown;
  close(): Promise<void>;
}

/**
 * A local HTTP server answering like YooKassa's API v3 for payments: Basic auth with the shop id and
 * secret key, `Idempotence-Key` required on POST (the same key returns the same payment), errors as
 * `{type: 'error', code, description}`.
 */
export async function startYookassa(options: { shopId?: string; secretKey?: string } = {}): Promise<YookassaStandIn> {
  const shopId = options.shopId ?? '123456';
  const secretKey = options.secretKey ?? 'test_SecretKey-42';
  const received: ReceivedRequest[] = [];
  const payments = new Map<string, StandInPayment>();
  const byKey = new Map<string, string>();
  const hanging = new Set<ServerResponse>();
  let failures = { count: 0, how: 'http-500' as Failure };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, code: string, description: string) =>
    send(res, status, { type: 'error', id: randomUUID(), code, description });

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        return error(res, 400, 'invalid_request', 'Body is not JSON');
      }
      received.push({ method: req.method ?? '', path, headers: req.headers, body });

      let failure: Failure | undefined;
      if (failures.count > 0) {
        failures.count--;
        failure = failures.how;
      }
      if (failure === 'http-500') return error(res, 500, 'internal_server_error', 'Internal server error');
      if (failure === 'hang') return void hanging.add(res);

      const expected = `Basic ${Buffer.from(`${shopId}:${secretKey}`).toString('base64')}`;
      if (req.headers.authorization !== expected) return error(res, 401, 'invalid_credentials', 'Login or password is incorrect');

      if (req.method === 'POST' && path === '/v3/payments') {
        const key = req.headers['idempotence-key'];
        if (typeof key !== 'string' || key.length === 0 || key.length > 64) return error(res, 400, 'invalid_request', 'Idempotence-Key header is missing or too long');
        const known = byKey.get(key);
        if (known) return send(res, 200, payments.get(known));
        const input = body as { amount?: { value?: string; currency?: string }; capture?: boolean; confirmation?: { type?: string; return_url?: string }; description?: string; metadata?: Record<string, string> };
        if (!input?.amount?.value || !/^\d+\.\d{2}$/.test(input.amount.value) || input.amount.currency !== 'RUB') return error(res, 400, 'invalid_request', 'amount is invalid');
        if (input.confirmation?.type !== 'redirect' || !input.confirmation.return_url) return error(res, 400, 'invalid_request', 'confirmation is invalid');
        const id = `2${randomUUID().slice(1)}`;
        const payment: StandInPayment = {
          id,
          status: 'pending',
          paid: false,
          amount: { value: input.amount.value, currency: 'RUB' },
          description: input.description,
          metadata: input.metadata ?? {},
          confirmation: { type: 'redirect', confirmation_url: `http://127.0.0.1/checkout/payments/v2/contract?orderId=${id}`, return_url: input.confirmation.return_url },
          created_at: new Date().toISOString(),
          test: true,
        };
        payments.set(id, payment);
        byKey.set(key, id);
        if (failure === 'hang-after-create') return void hanging.add(res);
        return send(res, 200, payment);
      }

      const match = /^\/v3\/payments\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && match) {
        const payment = payments.get(decodeURIComponent(match[1]!));
        return payment ? send(res, 200, payment) : error(res, 404, 'not_found', 'Payment not found');
      }
      return error(res, 404, 'not_found', 'No such endpoint');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    apiUrl: `http://127.0.0.1:${port}/v3`,
    shopId,
    secretKey,
    received,
    payments,
    failNext(count, how) {
      failures = { count, how };
    },
    decide(id, status) {
      const payment = payments.get(id);
      if (!payment) throw new Error(`stand-in: no payment ${id}`);
      payment.status = status;
      payment.paid = status === 'succeeded';
      if (status === 'succeeded') payment.captured_at = new Date().toISOString();
    },
    notification(id, event) {
      const payment = payments.get(id);
      if (!payment) throw new Error(`stand-in: no payment ${id}`);
      return { type: 'notification', event: event ?? `payment.${payment.status}`, object: payment };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
