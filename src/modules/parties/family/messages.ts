import { letter } from '../../../platform/mail/letter.ts';
import type { OutgoingMail } from '../../../platform/mail/mail.ts';

export type Locale = 'ru' | 'en';
export type FamilyNotice = 'profile_verified' | 'profile_rejected' | 'profile_taken_over' | 'representative_removed';

interface Letter {
  subject: string;
  body: string;
}

/** `{{name}}` is the profile's name, `{{detail}}` the reason or the person who acted. */
const NOTICES: Record<FamilyNotice, Record<Locale, Letter>> = {
  profile_verified: {
    ru: {
      subject: 'Профиль подтверждён',
      body: 'Профиль «{{name}}» подтверждён кодом из клиники. Теперь вы можете записывать на приём и получать медицинские записи этого профиля в личном кабинете.',
    },
    en: {
      subject: 'The profile is verified',
      body: 'The profile “{{name}}” is verified with the clinic’s code. You can now book visits and receive the medical records of this profile in your cabinet.',
    },
  },
  profile_rejected: {
    ru: {
      subject: 'Профиль не подтверждён',
      body: 'Клиника отклонила профиль «{{name}}». Причина: {{detail}}. Вы можете удалить этот профиль в разделе «Семейный доступ» и при необходимости добавить его заново.',
    },
    en: {
      subject: 'The profile was not verified',
      body: 'The clinic rejected the profile “{{name}}”. Reason: {{detail}}. You can delete this profile under “Family access” and add it again if needed.',
    },
  },
  profile_taken_over: {
    ru: {
      subject: 'Ваш профиль теперь у вас',
      body: 'Профиль «{{name}}» теперь принадлежит вашей учётной записи. Опека, закончившаяся с совершеннолетием, прекращена; доверенных лиц вы можете посмотреть и удалить в разделе «Семейный доступ».',
    },
    en: {
      subject: 'Your profile is now yours',
      body: 'The profile “{{name}}” now belongs to your account. Guardianship that ended at majority is closed; you can review and remove representatives under “Family access”.',
    },
  },
  representative_removed: {
    ru: {
      subject: 'Доступ к профилю закрыт',
      body: '{{detail}} закрыл(а) вам доступ к профилю «{{name}}». Если это ошибка, свяжитесь с этим человеком.',
    },
    en: {
      subject: 'Your access to a profile was removed',
      body: '{{detail}} removed your access to the profile “{{name}}”. If this is a mistake, contact them.',
    },
  },
};

export function familyMail(notice: FamilyNotice, locale: Locale, provider: string, values: { name: string; detail?: string }): Omit<OutgoingMail, 'to'> {
  const { subject, body } = NOTICES[notice][locale];
  const text = body.replace(/\{\{(name|detail)\}\}/g, (_, key: 'name' | 'detail') => values[key] ?? '');
  return letter(subject, [text], locale, provider);
}
