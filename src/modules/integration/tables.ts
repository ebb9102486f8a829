import type { ColumnType } from 'kysely';
import type { IntegrationEventTables } from './events.ts';
import type { ApiScope } from './scopes.ts';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface IntegrationTables extends IntegrationEventTables {
  integration_api_token: {
    id: string;
    name: string;
    token_hash: string;
    token_hint: string;
    scopes: ApiScope[];
    created_by: string | null;
    created_at: Date;
    expires_at: Date | null;
    last_used_at: Date | null;
    revoked_at: Date | null;
    revoked_by: string | null;
  };
  integration_webhook_endpoint: {
    id: string;
    url: string;
    description: string;
    event_types: string[];
    secret: string;
    active: boolean;
    created_by: string | null;
    created_at: Date;
    updated_at: Date;
  };
  integration_webhook_delivery: {
    id: string;
    event_id: string;
    endpoint_id: string;
    status: DeliveryStatus;
    attempts: ColumnType<number, number | undefined, number>;
    next_attempt_at: Date | null;
    claimed_until: Date | null;
    deadline_at: Date;
    last_attempt_at: Date | null;
    last_status_code: number | null;
    last_error: string | null;
    delivered_at: Date | null;
    created_at: Date;
  };
}
