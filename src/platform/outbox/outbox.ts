import type { Db } from '../db/database.ts';
import { listOutbox as listMailOutbox } from '../mail/store.ts';
import { listSmsOutbox } from '../sms/store.ts';

/** A message that could not leave because no SMTP server or SMS gateway is configured. */
export interface OutboxMessage {
  id: string;
  channel: 'mail' | 'sms';
  to: string;
  /** Mail only. */
  subject: string | null;
  text: string;
  createdAt: Date;
}

/** The newest outbox messages of every channel, merged newest first. */
export async function listOutbox(db: Db, { limit }: { limit: number }): Promise<OutboxMessage[]> {
  const mail = await listMailOutbox(db, limit);
  const sms = await listSmsOutbox(db, limit);
  const messages: OutboxMessage[] = [
    ...mail.map(({ id, to, subject, text, createdAt }) => ({ id, channel: 'mail' as const, to, subject, text, createdAt })),
    ...sms.map(({ id, to, text, createdAt }) => ({ id, channel: 'sms' as const, to, subject: null, text, createdAt })),
  ];
  // Messages of one transaction share created_at; UUIDv7 ids keep their order.
  return messages.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).slice(0, limit);
}
