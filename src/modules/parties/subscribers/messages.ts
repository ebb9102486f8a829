import type { OutgoingMail } from '../../../platform/mail/mail.ts';

export type Locale = 'ru' | 'en';

/** What the registered person is told about their subscriber-code registration. */
export type SubscriberNotice =
  | { kind: 'registered'; subscriber: string; code: string; link: string }
  | { kind: 'activated'; subscriber: string; code: string; link: string }
  | { kind: 'rejected'; subscriber: string; code: string; reason: string };

function texts(notice: SubscriberNotice, locale: Locale): { subject: string; paragraphs: string[] } {
  const ru = locale === 'ru';
  switch (notice.kind) {
    case 'registered':
      return ru
        ? {
            subject: 'Вы зарегистрировались: распечатайте два документа',
            paragraphs: [
              `Вы зарегистрировались в личном кабинете как представитель абонента ${notice.subscriber} (код абонента ${notice.code}).`,
              'Пользоваться личным кабинетом можно только после активации. Распечатайте два документа — «Соглашение о расчетах» и «Заявка на доступ», — подпишите их и передайте поставщику. Документы можно скачать в кабинете:',
              notice.link,
            ],
          }
        : {
            subject: 'You are registered: print two papers',
            paragraphs: [
              `You registered in the cabinet as the representative of ${notice.subscriber} (subscriber code ${notice.code}).`,
              'The cabinet works only after activation. Print the two papers, the settlement agreement and the access request, sign them and hand them to the provider. Download them in your cabinet:',
              notice.link,
            ],
          };
    case 'activated':
      return ru
        ? {
            subject: 'Личный кабинет активирован',
            paragraphs: [
              `Мы получили подписанные документы абонента ${notice.subscriber} (код абонента ${notice.code}) и активировали личный кабинет.`,
              `Теперь вы можете передавать показания, получать документы и следить за расчётами: ${notice.link}`,
            ],
          }
        : {
            subject: 'Your cabinet is activated',
            paragraphs: [
              `We received the signed papers of ${notice.subscriber} (subscriber code ${notice.code}) and activated the cabinet.`,
              `You can now submit readings, get documents and follow your payments: ${notice.link}`,
            ],
          };
    case 'rejected':
      return ru
        ? {
            subject: 'Регистрация абонента отклонена',
            paragraphs: [
              `Регистрация в личном кабинете абонента ${notice.subscriber} (код абонента ${notice.code}) отклонена.`,
              `Причина: ${notice.reason}`,
              'Если это ошибка, свяжитесь с нами или зарегистрируйтесь по коду абонента заново.',
            ],
          }
        : {
            subject: 'Your subscriber registration was rejected',
            paragraphs: [
              `The cabinet registration of ${notice.subscriber} (subscriber code ${notice.code}) was rejected.`,
              `Reason: ${notice.reason}`,
              'If this is a mistake, contact us or register with the subscriber code again.',
            ],
          };
    default:
      throw new Error(`unknown notice ${(notice as { kind: string }).kind}`);
  }
}

export function subscriberMail(notice: SubscriberNotice, locale: Locale, provider: string): Omit<OutgoingMail, 'to'> {
  const { subject, paragraphs } = texts(notice, locale);
  return { subject, text: [...paragraphs, `— ${provider}`].join('\n\n') };
}
