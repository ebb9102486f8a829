import { expect } from '@playwright/test';

export interface Outbox {
  mail: Array<{ to: string; subject: string; text: string; at: string }>;
  sms: Array<{ to: string; text: string; at: string }>;
}

const standIns = () => `http://127.0.0.1:${process.env.E2E_STAND_INS_PORT}`;

async function outbox(): Promise<Outbox> {
  const response = await fetch(`${standIns()}/messages`);
  if (!response.ok) throw new Error(`stand-ins answered ${response.status}`);
  return (await response.json()) as Outbox;
}

function codeIn(text: string): string | undefined {
  return /\b(\d{6})\b/.exec(text)?.[1];
}

/** How many messages an address has received so far: codes sent after this point are the new ones. */
export async function countMessages(to: string): Promise<number> {
  return textsTo(await outbox(), to).length;
}

/** An email address gets mail; anything else is a phone, which the gateway receives as bare digits. */
function textsTo(box: Outbox, to: string): string[] {
  const messages = to.includes('@')
    ? box.mail.filter((m) => m.to === to.toLowerCase())
    : box.sms.filter((m) => m.to === to.replace(/\D/g, ''));
  return messages.map((m) => m.text);
}

/**
 * Waits for a new message with a code to reach an email address or a phone (any spelling) and
 * returns the code. `after` is what {@link countMessages} said before the code was requested.
 */
export async function waitForCode(to: string, after: number): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const texts = textsTo(await outbox(), to);
        code = texts.length > after ? texts.slice(after).map(codeIn).findLast(Boolean) : undefined;
        return code;
      },
      { message: `a code sent to ${to}`, timeout: 30_000, intervals: [250, 500, 1000] },
    )
    .toBeTruthy();
  return code as string;
}

/** Waits for a new email to an address whose subject is `subject`; `after` as for {@link waitForCode}. */
export async function waitForMail(to: string, subject: string, after = 0): Promise<{ subject: string; text: string }> {
  let found: { subject: string; text: string } | undefined;
  await expect
    .poll(
      async () => {
        const mail = (await outbox()).mail.filter((m) => m.to === to.toLowerCase()).slice(after);
        found = mail.findLast((m) => m.subject === subject);
        return found?.subject;
      },
      { message: `an email «${subject}» to ${to}`, timeout: 30_000, intervals: [250, 500, 1000] },
    )
    .toBe(subject);
  return found as { subject: string; text: string };
}
