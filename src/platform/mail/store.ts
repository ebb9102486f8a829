import type { Generated } from 'kysely';
import type { Db } from '../db/database.ts';

export type MailStatus = 'queued' | 'sent' | 'outbox';

export interface MailTables {
  mail_message: {
    id: string;
    to_address: string;
    subject: string;
    text_body: string;
    html_body: string | null;
    status: Generated<MailStatus>;
    attempts: Generated<number>;
    last_error: string | null;
    created_at: Generated<Date>;
    delivered_at: Date | null;
  };
}

export interface MailMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  status: MailStatus;
  attempts: number;
  createdAt: Date;
  deliveredAt: Date | null;
}

const columns = [
  'id',
  'to_address as to',
  'subject',
  'text_body as text',
  'html_body as html',
  'status',
  'attempts',
  'created_at as createdAt',
  'delivered_at as deliveredAt',
] as const;

export async function insertMessage(db: Db, message: { id: string; to: string; subject: string; text: string; html?: string }) {
  await db
    .insertInto('mail_message')
    .values({ id: message.id, to_address: message.to, subject: message.subject, text_body: message.text, html_body: message.html ?? null })
    .execute();
}

export async function findMessage(db: Db, id: string): Promise<MailMessage | undefined> {
  return db.selectFrom('mail_message').select(columns).where('id', '=', id).executeTakeFirst();
}

export async function markDelivered(db: Db, id: string, status: 'sent' | 'outbox', at: Date) {
  await db
    .updateTable('mail_message')
    .set((eb) => ({ status, delivered_at: at, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

export async function recordFailure(db: Db, id: string, error: string) {
  await db
    .updateTable('mail_message')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 2000) }))
    .where('id', '=', id)
    .execute();
}

export async function listOutbox(db: Db, limit: number): Promise<MailMessage[]> {
  return db
    .selectFrom('mail_message')
    .select(columns)
    .where('status', '=', 'outbox')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
