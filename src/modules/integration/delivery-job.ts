import { createHmac } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../platform/db/database.ts';
import { DELIVERY_WINDOW_MS } from './webhooks.ts';

export interface WebhookJobOptions {
  /** The clock; tests move it to reach the next retry. */
  now?: () => Date;
  /** One POST may take this long before it counts as failed. */
  timeoutMs?: number;
  /** A run stops taking new deliveries after this long, so it ends well within its job's expiry. */
  budgetMs?: number;
}

export interface WebhookRunReport {
  dispatched: number;
  delivered: number;
  retrying: number;
  failed: number;
}

const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_BUDGET_MS = 50_000;
const EVENT_BATCH = 500;
const DELIVERY_BATCH = 20;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 4 * 60 * 60_000;

/** The wait after the n-th failed attempt: 1 min, 2, 4 … doubling, at most 4 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(attempts - 1, 0), LONGEST_RETRY_MS);
}

/** `v1=` and the hex HMAC-SHA256 of "<timestamp>.<body>" under the endpoint's secret. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Turns new events into one delivery per subscribed active endpoint. The unique (event, endpoint)
 * pair and the event's dispatched_at make a second run add nothing.
 */
export async function dispatchEvents(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const events = await trx
      .selectFrom('integration_event')
      .select(['id', 'type'])
      .where('dispatched_at', 'is', null)
      .orderBy('created_at')
      .limit(EVENT_BATCH)
      .forUpdate()
      .skipLocked()
      .execute();
    if (events.length === 0) return 0;
    const endpoints = await trx.selectFrom('integration_webhook_endpoint').select(['id', 'event_types']).where('active', '=', true).execute();
    const deadline = new Date(now.getTime() + DELIVERY_WINDOW_MS);
    const rows = events.flatMap((event) =>
      endpoints
        .filter((endpoint) => endpoint.event_types.includes(event.type))
        .map((endpoint) => ({ id: uuidv7(), event_id: event.id, endpoint_id: endpoint.id, status: 'pending' as const, next_attempt_at: now, deadline_at: deadline, created_at: now })),
    );
    if (rows.length > 0) {
      await trx
        .insertInto('integration_webhook_delivery')
        .values(rows)
        .onConflict((oc) => oc.columns(['event_id', 'endpoint_id']).doNothing())
        .execute();
    }
    await trx
      .updateTable('integration_event')
      .set({ dispatched_at: now })
      .where(
        'id',
        'in',
        events.map((event) => event.id),
      )
      .execute();
    return rows.length;
  });
}

/** Takes due deliveries of active endpoints for a while, so a parallel run leaves them alone. */
async function claimDue(db: Db, now: Date, holdMs: number) {
  const due = db
    .selectFrom('integration_webhook_delivery as d')
    .innerJoin('integration_webhook_endpoint as w', 'w.id', 'd.endpoint_id')
    .select('d.id')
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .where('w.active', '=', true)
    .where((eb) => eb.or([eb('d.claimed_until', 'is', null), eb('d.claimed_until', '<', now)]))
    .orderBy('d.next_attempt_at')
    .limit(DELIVERY_BATCH)
    .forUpdate('d')
    .skipLocked();
  const claimed = await db
    .updateTable('integration_webhook_delivery')
    .set({ claimed_until: new Date(now.getTime() + holdMs) })
    .where('id', 'in', due)
    .returning(['id', 'event_id', 'endpoint_id', 'attempts', 'deadline_at'])
    .execute();
  if (claimed.length === 0) return [];
  const events = await db
    .selectFrom('integration_event')
    .select(['id', 'type', 'customer_id', 'data', 'created_at'])
    .where(
      'id',
      'in',
      claimed.map((row) => row.event_id),
    )
    .execute();
  const endpoints = await db
    .selectFrom('integration_webhook_endpoint')
    .select(['id', 'url', 'secret'])
    .where(
      'id',
      'in',
      claimed.map((row) => row.endpoint_id),
    )
    .execute();
  return claimed.flatMap((row) => {
    const event = events.find((candidate) => candidate.id === row.event_id);
    const endpoint = endpoints.find((candidate) => candidate.id === row.endpoint_id);
    return event && endpoint ? [{ ...row, event, endpoint }] : [];
  });
}

type Attempt = { ok: true; status: number } | { ok: false; status: number | null; error: string };

async function post(url: string, secret: string, eventId: string, body: string, now: Date, timeoutMs: number): Promise<Attempt> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Kabinet-Webhooks/1',
        'kabinet-webhook-id': eventId,
        'kabinet-webhook-timestamp': timestamp,
        'kabinet-webhook-signature': signWebhook(secret, timestamp, body),
      },
      body,
      // A redirect is an answer that is not 2xx: retried, never followed to an address nobody configured.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    return { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const name = (error as Error).name;
    const message = name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : String((error as { cause?: Error }).cause?.message ?? (error as Error).message);
    return { ok: false, status: null, error: message.slice(0, 500) };
  }
}

/** Posts every due delivery once; 2xx is delivered, anything else waits for the next try or fails at its deadline. */
export async function deliverDue(db: Db, options: WebhookJobOptions = {}): Promise<Omit<WebhookRunReport, 'dispatched'>> {
  const clock = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();
  const report = { delivered: 0, retrying: 0, failed: 0 };
  while (Date.now() - started < (options.budgetMs ?? DEFAULT_BUDGET_MS)) {
    const batch = await claimDue(db, clock(), timeoutMs * 4);
    if (batch.length === 0) break;
    await Promise.all(
      batch.map(async (delivery) => {
        const { event } = delivery;
        const body = JSON.stringify({ id: event.id, type: event.type, createdAt: event.created_at.toISOString(), customerId: event.customer_id, data: event.data });
        const attemptAt = clock();
        const result = await post(delivery.endpoint.url, delivery.endpoint.secret, delivery.event.id, body, attemptAt, timeoutMs);
        const attempts = delivery.attempts + 1;
        const common = { attempts, last_attempt_at: attemptAt, last_status_code: result.status, claimed_until: null };
        if (result.ok) {
          report.delivered++;
          await db
            .updateTable('integration_webhook_delivery')
            .set({ ...common, status: 'delivered', delivered_at: attemptAt, last_error: null, next_attempt_at: null })
            .where('id', '=', delivery.id)
            .execute();
          return;
        }
        const next = new Date(attemptAt.getTime() + retryDelayMs(attempts));
        const giveUp = next.getTime() > delivery.deadline_at.getTime();
        if (giveUp) report.failed++;
        else report.retrying++;
        await db
          .updateTable('integration_webhook_delivery')
          .set({ ...common, status: giveUp ? 'failed' : 'pending', last_error: result.error, next_attempt_at: giveUp ? null : next })
          .where('id', '=', delivery.id)
          .execute();
      }),
    );
  }
  return report;
}

/** One run: dispatch new events, then post what is due. */
export async function runWebhooks(db: Db, options: WebhookJobOptions = {}): Promise<WebhookRunReport> {
  const dispatched = await dispatchEvents(db, (options.now ?? (() => new Date()))());
  return { dispatched, ...(await deliverDue(db, options)) };
}

/** The `integration.webhooks` job (every minute, and at once after «Отправить заново»). */
export function handleWebhooks(db: Db, options: WebhookJobOptions = {}) {
  return async (): Promise<void> => {
    await runWebhooks(db, options);
  };
}

