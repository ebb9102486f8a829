import { AppError, type Localized } from '../../platform/http/errors.ts';

export class WeakPasswordError extends AppError {
  constructor(reason: 'too_short' | 'too_long' | 'too_common', field = 'password') {
    const messages = {
      too_short: { ru: 'Пароль должен быть не короче 8 символов.', en: 'The password must be at least 8 characters long.' },
      too_long: { ru: 'Пароль должен быть не длиннее 256 символов.', en: 'The password must be at most 256 characters long.' },
      too_common: {
        ru: 'Этот пароль слишком распространён, его легко подобрать. Выберите другой.',
        en: 'This password is too common and easy to guess. Choose another one.',
      },
    };
    super('validation_failed', 400, { errors: [{ field, code: `password_${reason}`, message: messages[reason] }] });
  }
}

export class BusyError extends AppError {
  constructor() {
    super('service_unavailable', 503, { headers: { 'retry-after': '2' } });
  }
}

export class InvalidCredentialsError extends AppError {
  constructor() {
    super('invalid_credentials', 401, {
      title: { ru: 'Неверный логин или пароль.', en: 'Wrong login or password.' },
    });
  }
}

/** An attempt limit is reached; `title` may say which attempts (registry look-ups, codes). */
export class TooManyAttemptsError extends AppError {
  constructor(retryAfterSeconds: number, title: Localized = { ru: 'Слишком много попыток. Повторите позже.', en: 'Too many attempts. Please try again later.' }) {
    super('too_many_attempts', 429, {
      title,
      headers: { 'retry-after': String(retryAfterSeconds) },
      extra: { retryAfter: retryAfterSeconds },
    });
  }
}

export class AccountBlockedError extends AppError {
  constructor() {
    super('account_blocked', 403, {
      title: { ru: 'Учётная запись заблокирована. Обратитесь в поддержку.', en: 'The account is blocked. Please contact support.' },
    });
  }
}

export class InvalidCodeError extends AppError {
  constructor(attemptsLeft: number) {
    super('invalid_code', 400, {
      title: { ru: 'Неверный код.', en: 'Wrong code.' },
      errors: [
        {
          field: 'code',
          code: 'invalid_code',
          message: attemptsLeft > 0
            ? { ru: `Неверный код. Осталось попыток: ${attemptsLeft}.`, en: `Wrong code. Attempts left: ${attemptsLeft}.` }
            : { ru: 'Неверный код. Попытки исчерпаны — запросите новый код.', en: 'Wrong code. No attempts left — request a new code.' },
        },
      ],
      extra: { attemptsLeft },
    });
  }
}

export class FlowExpiredError extends AppError {
  constructor() {
    super('flow_expired', 410, {
      title: { ru: 'Срок действия кода истёк. Начните заново.', en: 'The code has expired. Please start again.' },
    });
  }
}

export class FlowNotFoundError extends AppError {
  constructor() {
    super('flow_not_found', 404, { title: { ru: 'Запрос не найден. Начните заново.', en: 'Request not found. Please start again.' } });
  }
}

export class ResendTooSoonError extends AppError {
  constructor(retryAfterSeconds: number) {
    super('code_resend_too_soon', 429, {
      title: {
        ru: `Новый код можно запросить через ${retryAfterSeconds} с.`,
        en: `You can request a new code in ${retryAfterSeconds} s.`,
      },
      headers: { 'retry-after': String(retryAfterSeconds) },
      extra: { retryAfter: retryAfterSeconds },
    });
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super('unauthenticated', 401, { title: { ru: 'Войдите в личный кабинет.', en: 'Please sign in.' } });
  }
}

export class ReauthenticationRequiredError extends AppError {
  constructor() {
    super('reauthentication_required', 403, {
      title: { ru: 'Для этого действия войдите заново.', en: 'Please sign in again to do this.' },
    });
  }
}

export class PasswordChangeRequiredError extends AppError {
  constructor() {
    super('password_change_required', 403, {
      title: { ru: 'Смените пароль, чтобы продолжить.', en: 'Change your password to continue.' },
    });
  }
}

export class TotpEnrollmentRequiredError extends AppError {
  constructor() {
    super('totp_enrollment_required', 403, {
      title: {
        ru: 'Сотрудникам нужно включить двухфакторную аутентификацию.',
        en: 'Staff must turn on two-factor authentication.',
      },
    });
  }
}

export class ForbiddenError extends AppError {
  constructor() {
    super('not_found', 404);
  }
}

export class CodeRequiredError extends AppError {
  constructor() {
    super('validation_failed', 400, {
      errors: [{ field: 'code', code: 'required', message: { ru: 'Введите код из приложения-аутентификатора или резервный код.', en: 'Enter a code from your authenticator app or a backup code.' } }],
    });
  }
}

export class InvalidPhoneError extends AppError {
  constructor() {
    super('validation_failed', 400, {
      errors: [{ field: 'phone', code: 'invalid_phone', message: { ru: 'Укажите номер в формате +7 916 123-45-67.', en: 'Enter the number as +7 916 123-45-67.' } }],
    });
  }
}

export class TwoFactorAlreadyEnabledError extends AppError {
  constructor() {
    super('two_factor_already_enabled', 409, {
      title: { ru: 'Двухфакторная аутентификация уже включена.', en: 'Two-factor authentication is already on.' },
    });
  }
}

export class TwoFactorNotEnabledError extends AppError {
  constructor() {
    super('two_factor_not_enabled', 409, {
      title: { ru: 'Двухфакторная аутентификация не включена.', en: 'Two-factor authentication is not on.' },
    });
  }
}

export class StaffTwoFactorRequiredError extends AppError {
  constructor() {
    super('staff_two_factor_required', 403, {
      title: {
        ru: 'Сотрудники не могут выключить двухфакторную аутентификацию. Чтобы сменить устройство, обратитесь к администратору.',
        en: 'Staff cannot turn off two-factor authentication. To change your device, ask an administrator.',
      },
    });
  }
}

export class SessionNotFoundError extends AppError {
  constructor() {
    super('session_not_found', 404, { title: { ru: 'Сеанс не найден или уже завершён.', en: 'Session not found or already ended.' } });
  }
}

export class EmailTakenError extends AppError {
  constructor() {
    super('email_taken', 409, {
      title: { ru: 'Этот адрес почты уже занят другой учётной записью.', en: 'This email address is already used by another account.' },
      errors: [{ field: 'email', code: 'email_taken', message: { ru: 'Адрес уже занят.', en: 'The address is already in use.' } }],
    });
  }
}

export class LastAdministratorError extends AppError {
  constructor() {
    super('last_administrator', 409, {
      title: {
        ru: 'Нельзя заблокировать или понизить последнего активного администратора.',
        en: 'The last active administrator cannot be blocked or demoted.',
      },
    });
  }
}

export class CannotBlockSelfError extends AppError {
  constructor() {
    super('cannot_block_self', 409, {
      title: { ru: 'Нельзя заблокировать собственную учётную запись.', en: 'You cannot block your own account.' },
    });
  }
}

export class ContactUnchangedError extends AppError {
  constructor(field: 'email' | 'phone') {
    const message =
      field === 'email'
        ? { ru: 'Это уже адрес вашей учётной записи.', en: 'This is already your account’s address.' }
        : { ru: 'Это уже номер вашей учётной записи.', en: 'This is already your account’s number.' };
    super('validation_failed', 400, { errors: [{ field, code: `${field}_unchanged`, message }] });
  }
}
