import type { GatewayName, PaymentStatus } from './tables.ts';

/** A payment as the gateway reports it. Only an answer fetched from the gateway itself is trusted. */
export interface GatewayPayment {
  gatewayPaymentId: string;
  status: PaymentStatus;
  /** Kopecks. */
  amount: number;
  /** Where to send the payer to pay; null once the payment is decided. */
  confirmationUrl: string | null;
  /** When the money was taken (succeeded payments). */
  paidAt: Date | null;
  metadata: Record<string, string>;
}

export interface CreateGatewayPayment {
  /** Our payment's id, passed through unchanged: the gateway creates one payment per key. */
  idempotencyKey: string;
  /** Kopecks. */
  amount: number;
  description: string;
  returnUrl: string;
  metadata: Record<string, string>;
}

/** What a gateway's notification names; its content is never believed, only the payment it points at. */
export interface GatewayNotification {
  gatewayPaymentId: string;
  event: string;
}

/**
 * A payment gateway (YooKassa-like): create a payment and send the payer to its page, ask its
 * status, and read the notifications it posts. Implementations throw {@link GatewayUnavailableError}
 * when the outcome is unknown (timeout, network, 5xx) and {@link GatewayRejectedError} when the
 * gateway definitely refused (4xx).
 */
export interface PaymentGateway {
  readonly name: GatewayName;
  createPayment(input: CreateGatewayPayment): Promise<GatewayPayment>;
  getPayment(gatewayPaymentId: string): Promise<GatewayPayment>;
  /** The payment a notification is about, or undefined when the body is not a notification. */
  parseNotification(body: unknown): GatewayNotification | undefined;
}

/** The gateway could not be reached or failed: whether it acted is unknown. */
export class GatewayUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GatewayUnavailableError';
  }
}

/** The gateway answered and refused: nothing was created or changed there. */
export class GatewayRejectedError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'GatewayRejectedError';
    this.status = status;
  }
}

export interface YookassaOptions {
  /** The API root, e.g. https://api.yookassa.ru/v3 */
  apiUrl: URL;
  shopId: string;
  secretKey: string;
  timeoutMs: number;
}

export type GatewayConfig = { kind: 'test' } | ({ kind: 'yookassa' } & YookassaOptions);

export interface PaymentsConfig {
  gateway: GatewayConfig;
  /** Where payers come back after the gateway's page: the cabinet's own address unless set. */
  returnUrl: URL;
}

/** Kopecks as the gateway's decimal string of rubles: 12345 → "123.45". */
export function formatAmount(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks) || kopecks < 0) throw new Error(`amount ${kopecks} is not a whole number of kopecks`);
  return `${Math.floor(kopecks / 100)}.${String(kopecks % 100).padStart(2, '0')}`;
}

/** A gateway's decimal string of rubles back to kopecks; undefined when it is not one. */
export function parseAmount(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,13}(\.\d{1,2})?$/.test(value)) return undefined;
  const [rubles = '0', fraction = ''] = value.split('.');
  return Number(rubles) * 100 + Number(fraction.padEnd(2, '0'));
}
