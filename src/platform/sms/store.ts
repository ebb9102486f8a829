import type { Generated } from 'kysely';
import type { Db } from '../db/database.ts';

export type SmsStatus = 'queued' | 'sent' | 'outbox';

export interface SmsTables {
  sms_message: {
    id: string;
    to_phone: string;
    text_body: string;
    status: Generated<SmsStatus>;
    attempts: Generated<number>;
    last_error: string | null;
    provider_id: string | null;
    created_at: Generated<Date>;
    delivered_at: Date | null;
  };
}

export interface SmsMessage {
  id: string;
  to: string;
  text: string;
  status: SmsStatus;
  attempts: number;
  lastError: string | null;
  providerId: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

const columns = [
  'id',
  'to_phone as to',
  'text_body as text',
  'status',
  'attempts',
  'last_error as lastError',
  'provider_id as providerId',
  'created_at as createdAt',
  'delivered_at as deliveredAt',
] as const;

export async function insertSms(db: Db, message: { id: string; to: string; text: string }) {
  await db.insertInto('sms_message').values({ id: message.id, to_phone: message.to, text_body: message.text }).execute();
}

export async function findSms(db: Db, id: string): Promise<SmsMessage | undefined> {
  return db.selectFrom('sms_message').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function markSmsDelivered(db: Db, id: string, delivery: { status: 'sent' | 'outbox'; providerId: string | null; at: Date }) {
  await db
    .updateTable('sms_message')
    .set((eb) => ({
      status: delivery.status,
      provider_id: delivery.providerId,
      delivered_at: delivery.at,
      attempts: eb('attempts', '+', 1),
      last_error: null,
    }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

export async function recordSmsFailure(db: Db, id: string, error: string) {
  await db
    .updateTable('sms_message')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 2000) }))
    .where('id', '=', id)
    .execute();
}

export async function listSmsOutbox(db: Db, limit: number): Promise<SmsMessage[]> {
  return db
    .selectFrom('sms_message')
    .select(columns)
    .where('status', '=', 'outbox')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
