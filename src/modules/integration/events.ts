import type { ColumnType } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../platform/db/database.ts';

export interface IntegrationEventTables {
  /** What happened that the provider's systems want to hear of; webhooks deliver these. */
  integration_event: {
    id: string;
    type: IntegrationEventType;
    customer_id: string | null;
    data: ColumnType<Record<string, unknown>, string, never>;
    created_at: Date;
    /** When the webhook job turned it into deliveries; null until then. */
    dispatched_at: Date | null;
  };
}

/** Every event type, the order the back office shows them in. */
export const INTEGRATION_EVENT_TYPES = ['payment.succeeded', 'payment.failed', 'plan.changed', 'service.ordered', 'service.cancelled'] as const;

export type IntegrationEventType = (typeof INTEGRATION_EVENT_TYPES)[number];

export interface IntegrationEvent {
  type: IntegrationEventType;
  customerId: string | null;
  data: Record<string, unknown>;
}

/**
 * Records an event inside the caller's transaction: it exists if and only if the change it reports
 * commits. Delivery to the subscribed endpoints is the webhooks' business.
 */
export async function publishEvent(trx: Db, event: IntegrationEvent, now: Date): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('integration_event')
    .values({ id, type: event.type, customer_id: event.customerId, data: JSON.stringify(event.data), created_at: now })
    .execute();
  return id;
}
