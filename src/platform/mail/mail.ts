import nodemailer, { type Transporter } from 'nodemailer';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/database.ts';
import type { Jobs } from '../jobs/jobs.ts';
import { findMessage, insertMessage, markDelivered, recordFailure } from './store.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Records the message and enqueues its delivery in the caller's transaction: a request never waits
 * for SMTP, and a rolled-back request sends nothing.
 */
export async function queueMail(db: Db, jobs: Jobs, mail: OutgoingMail): Promise<string> {
  const id = uuidv7();
  await insertMessage(db, { id, ...mail });
  await jobs.send(db, 'mail.send', { messageId: id });
  return id;
}

export interface MailDelivery {
  /** Without SMTP (the embedded default) messages stay in the outbox for an administrator to read. */
  transport: Transporter | undefined;
  from: string;
}

export function createMailDelivery(smtpUrl: string | undefined, from: string): MailDelivery {
  return { transport: smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined, from };
}

/**
 * Delivers one message. Idempotent: a message already delivered is skipped, and the Message-ID is
 * derived from our id so a retry after a lost acknowledgement is recognisable downstream.
 */
export function handleMailSend(db: Db, delivery: MailDelivery) {
  return async ({ messageId }: { messageId: string }) => {
    const message = await findMessage(db, messageId);
    if (!message || message.status !== 'queued') return;
    if (!delivery.transport) {
      await markDelivered(db, messageId, 'outbox', new Date());
      return;
    }
    try {
      await delivery.transport.sendMail({
        from: delivery.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        messageId: `<${message.id}@kabinet>`,
      });
    } catch (error) {
      await recordFailure(db, messageId, String(error));
      throw error;
    }
    await markDelivered(db, messageId, 'sent', new Date());
  };
}
