import type { Locale } from '../i18n/index.ts';
import type { OutgoingMail } from './mail.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const SIGNATURE: Record<Locale, (provider: string) => string> = {
  ru: (provider) => `${provider}, личный кабинет`,
  en: (provider) => `${provider}, customer cabinet`,
};

/** Every notice the cabinet mails: its paragraphs signed by the provider's cabinet, as plain text and as HTML. */
export function letter(subject: string, paragraphs: readonly string[], locale: Locale, provider: string): Omit<OutgoingMail, 'to'> {
  const signature = SIGNATURE[locale](provider);
  return {
    subject,
    text: [...paragraphs, '', signature].join('\n\n'),
    html: `<!doctype html><html><body style="font-family:sans-serif">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}<p style="color:#666">${escapeHtml(signature)}</p></body></html>`,
  };
}
