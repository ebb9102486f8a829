import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/database.ts';
import type { Jobs } from '../jobs/jobs.ts';
import type { SmsGateway } from './gateway.ts';
import { findSms, insertSms, markSmsDelivered, recordSmsFailure } from './store.ts';

export interface OutgoingSms {
  /** E.164: +79161234567. */
  to: string;
  text: string;
}

const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * Records the message and enqueues its delivery in the caller's transaction: a request never waits
 * for the gateway, and a rolled-back request sends nothing.
 */
export async function queueSms(db: Db, jobs: Jobs, sms: OutgoingSms): Promise<string> {
  if (!E164.test(sms.to)) throw new RangeError(`SMS recipient must be an E.164 number such as +79161234567; got ${JSON.stringify(sms.to)}`);
  const id = uuidv7();
  await insertSms(db, { id, ...sms });
  await jobs.send(db, 'sms.send', { messageId: id });
  return id;
}

/**
 * Delivers one message. Idempotent: a message no longer queued is skipped, and our id goes to the
 * gateway as the idempotency key. Without a gateway (the embedded default) the message stays in the
 * outbox for an administrator to read.
 */
export function handleSmsSend(db: Db, gateway: SmsGateway | undefined) {
  return async ({ messageId }: { messageId: string }) => {
    const message = await findSms(db, messageId);
    if (!message || message.status !== 'queued') return;
    if (!gateway) {
      await markSmsDelivered(db, messageId, { status: 'outbox', providerId: null, at: new Date() });
      return;
    }
    let providerId: string;
    try {
      ({ providerId } = await gateway.send(message.to, message.text, message.id));
    } catch (error) {
      await recordSmsFailure(db, messageId, error instanceof Error ? error.message : String(error));
      throw error;
    }
    await markSmsDelivered(db, messageId, { status: 'sent', providerId, at: new Date() });
  };
}
