import { letter } from '../../../platform/mail/letter.ts';
import type { OutgoingMail } from '../../../platform/mail/mail.ts';

export type Locale = 'ru' | 'en';

/** What the registrant is told about their company. */
export type CompanyNotice = 'received' | 'approved' | 'rejected' | 'blocked' | 'unblocked';

export interface NoticeFacts {
  company: string;
  inn: string;
  /** The reason a moderator gave (rejection, block). */
  reason?: string;
  /** Where to sign in, from PUBLIC_URL. */
  link: string;
  provider: string;
}

const LETTERS: Record<CompanyNotice, Record<Locale, (facts: NoticeFacts) => { subject: string; paragraphs: string[] }>> = {
  received: {
    ru: (f) => ({
      subject: 'Заявка на регистрацию компании принята',
      paragraphs: [
        `Вы зарегистрировали компанию ${f.company} (ИНН ${f.inn}) в личном кабинете.`,
        'Наш модератор проверит информацию об организации и одобрит учётную запись, после чего вы получите информационное письмо.',
      ],
    }),
    en: (f) => ({
      subject: 'Your company registration was received',
      paragraphs: [
        `You registered the company ${f.company} (INN ${f.inn}) in the customer cabinet.`,
        'Our moderator will check the details of the organization and approve the account; you will get an email when it is done.',
      ],
    }),
  },
  approved: {
    ru: (f) => ({
      subject: 'Компания одобрена',
      paragraphs: [
        `Модератор проверил и одобрил компанию ${f.company} (ИНН ${f.inn}).`,
        `Теперь вы можете войти в личный кабинет ${f.link} и начать оформление заказов от имени компании.`,
      ],
    }),
    en: (f) => ({
      subject: 'Your company was approved',
      paragraphs: [`A moderator checked and approved the company ${f.company} (INN ${f.inn}).`, `You can now sign in at ${f.link} and place orders for the company.`],
    }),
  },
  rejected: {
    ru: (f) => ({
      subject: 'Регистрация компании отклонена',
      paragraphs: [
        `Модератор отклонил регистрацию компании ${f.company} (ИНН ${f.inn}).`,
        `Причина: ${f.reason ?? ''}`,
        `Исправьте данные и зарегистрируйте компанию заново на странице «Юр. лицам» (${f.link}) или свяжитесь с нами.`,
      ],
    }),
    en: (f) => ({
      subject: 'Your company registration was rejected',
      paragraphs: [
        `A moderator rejected the registration of the company ${f.company} (INN ${f.inn}).`,
        `Reason: ${f.reason ?? ''}`,
        `Correct the details and register the company again on the «For businesses» page (${f.link}), or contact us.`,
      ],
    }),
  },
  blocked: {
    ru: (f) => ({
      subject: 'Компания заблокирована',
      paragraphs: [
        `Компания ${f.company} (ИНН ${f.inn}) заблокирована.`,
        `Причина: ${f.reason ?? ''}`,
        'Данные компании по-прежнему можно просматривать, но заказы, оплата и подача заявок от её имени недоступны. Свяжитесь с нами, чтобы решить вопрос.',
      ],
    }),
    en: (f) => ({
      subject: 'Your company was blocked',
      paragraphs: [
        `The company ${f.company} (INN ${f.inn}) was blocked.`,
        `Reason: ${f.reason ?? ''}`,
        'You can still view its data, but ordering, paying and submitting for it are unavailable. Contact us to resolve this.',
      ],
    }),
  },
  unblocked: {
    ru: (f) => ({
      subject: 'Компания разблокирована',
      paragraphs: [`Компания ${f.company} (ИНН ${f.inn}) снова активна: заказы, оплата и подача заявок доступны. Войти: ${f.link}`],
    }),
    en: (f) => ({
      subject: 'Your company was unblocked',
      paragraphs: [`The company ${f.company} (INN ${f.inn}) is active again: ordering, paying and submitting are available. Sign in: ${f.link}`],
    }),
  },
};

export function companyMail(notice: CompanyNotice, locale: Locale, facts: NoticeFacts): Omit<OutgoingMail, 'to'> {
  const { subject, paragraphs } = LETTERS[notice][locale](facts);
  return letter(subject, paragraphs, locale, facts.provider);
}
