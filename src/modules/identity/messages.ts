import { letter } from '../../platform/mail/letter.ts';
import type { OutgoingMail } from '../../platform/mail/mail.ts';

export type Locale = 'ru' | 'en';
export type CodePurpose = 'registration' | 'recovery' | 'email_change' | 'phone_verification' | 'staff_invitation';
export type Notice =
  | 'registration_attempt'
  | 'password_changed'
  | 'email_changed'
  | 'phone_changed'
  | 'two_factor_enabled'
  | 'two_factor_disabled'
  | 'hacked_reported'
  | 'account_blocked'
  | 'email_change_attempt'
  | 'phone_removed'
  | 'backup_codes_regenerated';

const CODE_PURPOSE: Record<CodePurpose, Record<Locale, string>> = {
  registration: { ru: 'подтверждения регистрации', en: 'to confirm your registration' },
  recovery: { ru: 'восстановления пароля', en: 'to reset your password' },
  email_change: { ru: 'подтверждения нового адреса почты', en: 'to confirm your new email address' },
  phone_verification: { ru: 'подтверждения номера телефона', en: 'to confirm your phone number' },
  staff_invitation: { ru: 'входа в личный кабинет сотрудника', en: 'to set up your staff account' },
};

const NOTICES: Record<Notice, Record<Locale, { subject: string; body: string }>> = {
  registration_attempt: {
    ru: {
      subject: 'Попытка регистрации с вашим адресом',
      body: 'Кто-то пытался зарегистрироваться в личном кабинете с вашим адресом почты. Если это были вы — войдите или восстановите пароль. Если нет — просто проигнорируйте это письмо.',
    },
    en: {
      subject: 'Someone tried to register with your address',
      body: 'Someone tried to register with your email address. If it was you, sign in or reset your password. If not, ignore this message.',
    },
  },
  password_changed: {
    ru: { subject: 'Пароль изменён', body: 'Пароль от вашего личного кабинета изменён. Если это сделали не вы, восстановите пароль и сообщите нам.' },
    en: { subject: 'Your password was changed', body: 'The password of your account was changed. If it was not you, reset your password and tell us.' },
  },
  email_changed: {
    ru: { subject: 'Адрес почты изменён', body: 'Адрес почты вашего личного кабинета изменён на {{detail}}. Если это сделали не вы, свяжитесь с нами.' },
    en: { subject: 'Your email address was changed', body: 'The email address of your account was changed to {{detail}}. If it was not you, contact us.' },
  },
  phone_changed: {
    ru: { subject: 'Номер телефона изменён', body: 'Номер телефона вашего личного кабинета изменён на {{detail}}. Если это сделали не вы, свяжитесь с нами.' },
    en: { subject: 'Your phone number was changed', body: 'The phone number of your account was changed to {{detail}}. If it was not you, contact us.' },
  },
  two_factor_enabled: {
    ru: { subject: 'Двухфакторная аутентификация включена', body: 'Для входа в личный кабинет теперь нужен код из приложения-аутентификатора.' },
    en: { subject: 'Two-factor authentication is on', body: 'Signing in now requires a code from your authenticator app.' },
  },
  two_factor_disabled: {
    ru: { subject: 'Двухфакторная аутентификация выключена', body: 'Двухфакторная аутентификация выключена. Если это сделали не вы, смените пароль и свяжитесь с нами.' },
    en: { subject: 'Two-factor authentication is off', body: 'Two-factor authentication was turned off. If it was not you, change your password and contact us.' },
  },
  hacked_reported: {
    ru: { subject: 'Мы заблокировали вход в ваш кабинет', body: 'Вы сообщили о взломе. Все сеансы завершены. Восстановите пароль, чтобы снова войти; наши специалисты проверят активность.' },
    en: { subject: 'We locked your account', body: 'You reported your account as hacked. All sessions were ended. Reset your password to sign in again; our staff will review the activity.' },
  },
  account_blocked: {
    ru: { subject: 'Учётная запись заблокирована', body: 'Ваша учётная запись заблокирована сотрудником. Причина: {{detail}}.' },
    en: { subject: 'Your account was blocked', body: 'Your account was blocked by staff. Reason: {{detail}}.' },
  },
  email_change_attempt: {
    ru: {
      subject: 'Попытка привязать ваш адрес к другой учётной записи',
      body: 'Кто-то пытался указать ваш адрес почты в другой учётной записи личного кабинета. Ваша учётная запись не изменилась. Если это были вы — войдите с этим адресом. Если нет — просто проигнорируйте это письмо.',
    },
    en: {
      subject: 'Someone tried to use your address in another account',
      body: 'Someone tried to set your email address in another account. Your account has not changed. If it was you, sign in with this address. If not, ignore this message.',
    },
  },
  phone_removed: {
    ru: { subject: 'Номер телефона удалён', body: 'Из вашего личного кабинета удалён номер телефона. Если это сделали не вы, смените пароль и свяжитесь с нами.' },
    en: { subject: 'Your phone number was removed', body: 'The phone number was removed from your account. If it was not you, change your password and contact us.' },
  },
  backup_codes_regenerated: {
    ru: { subject: 'Созданы новые резервные коды', body: 'Для вашего личного кабинета созданы новые резервные коды; прежние больше не действуют. Если это сделали не вы, смените пароль и свяжитесь с нами.' },
    en: { subject: 'New backup codes were created', body: 'New backup codes were created for your account; the old ones no longer work. If it was not you, change your password and contact us.' },
  },
};

export function codeMail(purpose: CodePurpose, code: string, locale: Locale, provider: string): Omit<OutgoingMail, 'to'> {
  const what = CODE_PURPOSE[purpose][locale];
  return locale === 'ru'
    ? letter(`Код ${code} для ${what}`, [`Ваш код для ${what}: ${code}`, 'Код действует 10 минут. Никому его не сообщайте — наши сотрудники никогда его не спрашивают.'], 'ru', provider)
    : letter(`Code ${code} ${what}`, [`Your code ${what}: ${code}`, 'The code is valid for 10 minutes. Never share it — our staff never ask for it.'], 'en', provider);
}

export function codeSms(purpose: CodePurpose, code: string, locale: Locale): string {
  return locale === 'ru' ? `Код для ${CODE_PURPOSE[purpose].ru}: ${code}. Никому не сообщайте.` : `Code ${CODE_PURPOSE[purpose].en}: ${code}. Do not share it.`;
}

export function noticeMail(notice: Notice, locale: Locale, provider: string, detail = ''): Omit<OutgoingMail, 'to'> {
  const { subject, body } = NOTICES[notice][locale];
  return letter(subject, [body.replace('{{detail}}', detail)], locale, provider);
}

/** The invitation of a new staff member: the setup page and the code that opens it. */
export function staffInvitationMail(code: string, link: string, locale: Locale, provider: string): Omit<OutgoingMail, 'to'> {
  return locale === 'ru'
    ? letter(
        'Приглашение в личный кабинет сотрудника',
        [
          `Для вас создана учётная запись сотрудника. Откройте ${link}, введите код ${code} и выберите пароль.`,
          'Ссылка действует 24 часа, код — 5 попыток. При первом входе нужно будет включить двухфакторную аутентификацию. Никому не сообщайте код.',
        ],
        'ru',
        provider,
      )
    : letter(
        'Your staff account invitation',
        [
          `A staff account was created for you. Open ${link}, enter the code ${code} and choose a password.`,
          'The link is valid for 24 hours, the code for 5 attempts. At first sign-in you will turn on two-factor authentication. Never share the code.',
        ],
        'en',
        provider,
      );
}
