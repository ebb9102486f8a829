import { letter } from '../../../platform/mail/letter.ts';
import type { OutgoingMail } from '../../../platform/mail/mail.ts';
import type { CompanyRole } from '../roles.ts';

export type Locale = 'ru' | 'en';

/** What a person is told about a join request or their place in a company. */
export type EmployeeNotice =
  | { kind: 'request_filed'; company: string; applicant: string; applicantEmail: string; link: string }
  | { kind: 'moderator_approved'; company: string; link: string }
  | { kind: 'company_approved'; company: string; link: string }
  | { kind: 'approved'; company: string; role: CompanyRole; link: string }
  | { kind: 'rejected'; company: string; by: 'moderator' | 'company'; reason: string; link: string }
  | { kind: 'role_changed'; company: string; role: CompanyRole }
  | { kind: 'blocked'; company: string; reason: string }
  | { kind: 'unblocked'; company: string }
  | { kind: 'removed'; company: string }
  | { kind: 'head_assigned'; company: string; link: string };

const ROLE_NAMES: Record<CompanyRole, Record<Locale, string>> = {
  head: { ru: 'Руководитель', en: 'Head' },
  administrator: { ru: 'Администратор', en: 'Administrator' },
  accountant: { ru: 'Бухгалтер', en: 'Accountant' },
  employee: { ru: 'Сотрудник', en: 'Employee' },
};

function texts(notice: EmployeeNotice, locale: Locale): { subject: string; paragraphs: string[] } {
  const ru = locale === 'ru';
  switch (notice.kind) {
    case 'request_filed':
      return ru
        ? {
            subject: `Новая заявка сотрудника: ${notice.applicant}`,
            paragraphs: [
              `${notice.applicant} (${notice.applicantEmail}) просит доступ к личному кабинету компании ${notice.company}.`,
              `Подтвердите или отклоните заявку в разделе «Сотрудники» → «Заявки»: ${notice.link}`,
            ],
          }
        : {
            subject: `New join request: ${notice.applicant}`,
            paragraphs: [`${notice.applicant} (${notice.applicantEmail}) asks for access to the cabinet of ${notice.company}.`, `Approve or reject the request under Employees → Requests: ${notice.link}`],
          };
    case 'moderator_approved':
      return ru
        ? {
            subject: 'Модератор подтвердил заявку; ждём руководителя',
            paragraphs: [`Модератор подтвердил вашу заявку на присоединение к компании ${notice.company}. Осталось подтверждение руководителя компании.`, `Ход заявки: ${notice.link}`],
          }
        : {
            subject: 'The moderator approved your request; waiting for the head',
            paragraphs: [`The moderator approved your request to join ${notice.company}. The company’s head has yet to approve it.`, `Request progress: ${notice.link}`],
          };
    case 'company_approved':
      return ru
        ? {
            subject: 'Руководитель подтвердил заявку; ждём модератора',
            paragraphs: [`Руководитель компании ${notice.company} подтвердил вашу заявку на присоединение. Осталась проверка модератора.`, `Ход заявки: ${notice.link}`],
          }
        : {
            subject: 'The head approved your request; waiting for the moderator',
            paragraphs: [`The head of ${notice.company} approved your request to join. The moderator has yet to check it.`, `Request progress: ${notice.link}`],
          };
    case 'approved':
      return ru
        ? {
            subject: `Доступ к компании ${notice.company} открыт`,
            paragraphs: [
              `Заявка подтверждена модератором и руководителем. Ваша роль: ${ROLE_NAMES[notice.role].ru}.`,
              `Выберите компанию в шапке личного кабинета, чтобы действовать от её имени: ${notice.link}`,
            ],
          }
        : {
            subject: `Access to ${notice.company} is open`,
            paragraphs: [`The moderator and the head approved your request. Your role: ${ROLE_NAMES[notice.role].en}.`, `Choose the company in the cabinet’s header to act for it: ${notice.link}`],
          };
    case 'rejected':
      return ru
        ? {
            subject: `Заявка на присоединение к компании ${notice.company} отклонена`,
            paragraphs: [`${notice.by === 'moderator' ? 'Модератор' : 'Руководитель компании'} отклонил вашу заявку. Причина: ${notice.reason}`, `Ваши заявки: ${notice.link}`],
          }
        : {
            subject: `Your request to join ${notice.company} was rejected`,
            paragraphs: [`${notice.by === 'moderator' ? 'The moderator' : 'The company’s head'} rejected your request. Reason: ${notice.reason}`, `Your requests: ${notice.link}`],
          };
    case 'role_changed':
      return ru
        ? { subject: `Ваша роль в компании ${notice.company} изменена`, paragraphs: [`Руководитель назначил вам роль «${ROLE_NAMES[notice.role].ru}».`] }
        : { subject: `Your role at ${notice.company} changed`, paragraphs: [`The head gave you the role “${ROLE_NAMES[notice.role].en}”.`] };
    case 'blocked':
      return ru
        ? { subject: `Доступ к компании ${notice.company} заблокирован`, paragraphs: [`Руководитель заблокировал ваш доступ к компании. Причина: ${notice.reason}`] }
        : { subject: `Your access to ${notice.company} is blocked`, paragraphs: [`The head blocked your access to the company. Reason: ${notice.reason}`] };
    case 'unblocked':
      return ru
        ? { subject: `Доступ к компании ${notice.company} восстановлен`, paragraphs: ['Руководитель снял блокировку: вы снова можете действовать от имени компании.'] }
        : { subject: `Your access to ${notice.company} is restored`, paragraphs: ['The head lifted the block: you can act for the company again.'] };
    case 'removed':
      return ru
        ? { subject: `Вы больше не сотрудник компании ${notice.company}`, paragraphs: ['Руководитель удалил вас из сотрудников компании в личном кабинете.'] }
        : { subject: `You are no longer a member of ${notice.company}`, paragraphs: ['The head removed you from the company’s members in the cabinet.'] };
    case 'head_assigned':
      return ru
        ? { subject: `Вы — руководитель компании ${notice.company}`, paragraphs: [`Вам передано руководство компанией в личном кабинете: теперь вы управляете сотрудниками и их ролями.`, notice.link] }
        : { subject: `You are the head of ${notice.company}`, paragraphs: ['Headship of the company in the cabinet was handed to you: you now manage its members and their roles.', notice.link] };
    default:
      throw new Error(`unknown notice ${(notice as { kind: string }).kind}`);
  }
}

export function employeeMail(notice: EmployeeNotice, locale: Locale, provider: string): Omit<OutgoingMail, 'to'> {
  const { subject, paragraphs } = texts(notice, locale);
  return letter(subject, paragraphs, locale, provider);
}
