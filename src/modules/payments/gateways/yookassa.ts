import {
  formatAmount,
  GatewayRejectedError,
  GatewayUnavailableError,
  parseAmount,
  type CreateGatewayPayment,
  type GatewayNotification,
  type GatewayPayment,
  type PaymentGateway,
  type YookassaOptions,
} from '../gateway.ts';
import type { PaymentStatus } from '../tables.ts';

/**
 * YooKassa's API v3 (and anything that speaks it): Basic auth with the shop id and secret key,
 * `Idempotence-Key` = our payment id unchanged, redirect confirmation, one-stage payments
 * (`capture: true`). Notifications are only pointers: the payment they name is fetched again.
 */
export function createYookassaGateway(options: YookassaOptions): PaymentGateway {
  const root = options.apiUrl.href.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${options.shopId}:${options.secretKey}`).toString('base64')}`;

  async function call(method: 'GET' | 'POST', path: string, body?: unknown, idempotenceKey?: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${root}${path}`, {
        method,
        headers: {
          authorization,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(idempotenceKey ? { 'idempotence-key': idempotenceKey } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw new GatewayUnavailableError(`YooKassa ${method} ${path}: ${(error as Error).message}`, { cause: error });
    }
    const text = await response.text().catch(() => '');
    // 5xx and 429: the request may or may not have been acted on; the same idempotence key settles it later.
    if (response.status >= 500 || response.status === 429) {
      throw new GatewayUnavailableError(`YooKassa ${method} ${path}: HTTP ${response.status}`);
    }
    if (!response.ok) {
      throw new GatewayRejectedError(response.status, `YooKassa ${method} ${path}: HTTP ${response.status} ${describeError(text)}`);
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new GatewayUnavailableError(`YooKassa ${method} ${path}: the answer is not JSON`);
    }
  }

  return {
    name: 'yookassa',

    async createPayment(input: CreateGatewayPayment): Promise<GatewayPayment> {
      const body = {
        amount: { value: formatAmount(input.amount), currency: 'RUB' },
        capture: true,
        confirmation: { type: 'redirect', return_url: input.returnUrl },
        // YooKassa keeps at most 128 characters of the description.
        description: input.description.slice(0, 128),
        metadata: input.metadata,
      };
      return toPayment(await call('POST', '/payments', body, input.idempotencyKey));
    },

    async getPayment(gatewayPaymentId: string): Promise<GatewayPayment> {
      return toPayment(await call('GET', `/payments/${encodeURIComponent(gatewayPaymentId)}`));
    },

    parseNotification(body: unknown): GatewayNotification | undefined {
      if (!isObject(body) || body.type !== 'notification' || typeof body.event !== 'string') return undefined;
      const object = body.object;
      if (!isObject(object) || typeof object.id !== 'string' || object.id.length === 0 || object.id.length > 64) return undefined;
      return { gatewayPaymentId: object.id, event: body.event };
    },
  };
}

const STATUSES: Record<string, PaymentStatus> = {
  pending: 'pending',
  // Two-stage payments are not used (capture: true), yet the money is not ours before capture.
  waiting_for_capture: 'pending',
  succeeded: 'succeeded',
  canceled: 'canceled',
};

function toPayment(raw: unknown): GatewayPayment {
  if (!isObject(raw) || typeof raw.id !== 'string' || typeof raw.status !== 'string') {
    throw new GatewayUnavailableError('YooKassa: the answer is not a payment');
  }
  const status = STATUSES[raw.status];
  const amount = isObject(raw.amount) && raw.amount.currency === 'RUB' ? parseAmount(raw.amount.value) : undefined;
  if (!status || amount === undefined) throw new GatewayUnavailableError(`YooKassa: payment ${raw.id} has status ${raw.status} or an amount we cannot read`);
  const confirmation = isObject(raw.confirmation) && typeof raw.confirmation.confirmation_url === 'string' ? raw.confirmation.confirmation_url : null;
  const capturedAt = typeof raw.captured_at === 'string' ? new Date(raw.captured_at) : null;
  const metadata: Record<string, string> = {};
  if (isObject(raw.metadata)) {
    for (const [key, value] of Object.entries(raw.metadata)) if (typeof value === 'string') metadata[key] = value;
  }
  return {
    gatewayPaymentId: raw.id,
    status,
    amount,
    confirmationUrl: status === 'pending' ? confirmation : null,
    paidAt: capturedAt && !Number.isNaN(capturedAt.getTime()) ? capturedAt : null,
    metadata,
  };
}

function describeError(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed)) return [parsed.code, parsed.description, parsed.parameter].filter((part) => typeof part === 'string').join(' ');
  } catch {
    // not JSON: say nothing more
  }
  return '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
