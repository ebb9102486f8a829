import { AppError, type Localized } from '../../../platform/http/errors.ts';
import { CODE_LENGTH } from './codes.ts';

/** A refused field of a form: 400 `validation_failed` with the field's own message. */
export function fieldError(field: string, code: string, message: Localized): AppError {
  return new AppError('validation_failed', 400, { errors: [{ field, code, message }] });
}

// Titles of the parties-wide `customers_only` and identity's `too_many_attempts`, in this slice's words.
export const CUSTOMERS_ONLY: Localized = { ru: 'Семейный доступ — для клиентов, а не для сотрудников.', en: 'Family access is for customers, not for staff.' };
export const CODE_ATTEMPTS_EXCEEDED: Localized = { ru: 'Слишком много попыток ввести код. Повторите позже.', en: 'Too many code attempts. Please try again later.' };

export class TooManyProfilesError extends AppError {
  constructor(limit: number) {
    super('too_many_profiles', 409, {
      title: {
        ru: `Можно добавить не больше ${limit} профилей. Удалите ненужный профиль или откажитесь от доступа к нему.`,
        en: `You can add at most ${limit} profiles. Delete a profile you no longer need or give up access to it.`,
      },
      extra: { limit },
    });
  }
}

export class ProfileExistsError extends AppError {
  constructor() {
    super('profile_exists', 409, {
      title: { ru: 'Такой профиль уже добавлен.', en: 'This profile is already added.' },
      errors: [
        {
          field: 'name',
          code: 'profile_exists',
          message: {
            ru: 'У вас уже есть профиль с этим именем и датой рождения, но с другим родством.',
            en: 'You already have a profile with this name and birth date, with another relation.',
          },
        },
      ],
    });
  }
}

export class ProfileVerifiedError extends AppError {
  constructor() {
    super('profile_verified', 409, {
      title: {
        ru: 'Подтверждённый профиль нельзя удалить. Вы можете отказаться от доступа к нему.',
        en: 'A verified profile cannot be deleted. You can give up your access to it.',
      },
    });
  }
}

export class NotFamilyAccessError extends AppError {
  constructor() {
    super('not_family_access', 409, {
      title: {
        ru: 'Отказаться можно только от доступа к профилю родственника.',
        en: 'Only access to a relative’s profile can be given up.',
      },
    });
  }
}

export function codeFormatError(): AppError {
  return fieldError('code', 'code_format', {
    ru: `Код состоит из ${CODE_LENGTH} латинских букв и цифр, например K7QF-92MX-4P.`,
    en: `The code has ${CODE_LENGTH} Latin letters and digits, like K7QF-92MX-4P.`,
  });
}

export class InvalidProfileCodeError extends AppError {
  constructor() {
    super('invalid_code', 400, {
      title: { ru: 'Неверный код.', en: 'Wrong code.' },
      errors: [
        {
          field: 'code',
          code: 'invalid_code',
          message: {
            ru: 'Такого кода нет. Проверьте, что он введён так, как напечатан.',
            en: 'There is no such code. Check that you entered it as printed.',
          },
        },
      ],
    });
  }
}

type CodeState = 'used' | 'expired' | 'replaced' | 'revoked';

export class ProfileCodeUnusableError extends AppError {
  constructor(state: CodeState) {
    const messages: Record<CodeState, Localized> = {
      used: { ru: 'Этот код уже использован. Попросите в клинике новый.', en: 'This code has already been used. Ask the clinic for a new one.' },
      expired: { ru: 'Срок действия кода истёк. Попросите в клинике новый.', en: 'The code has expired. Ask the clinic for a new one.' },
      replaced: {
        ru: 'Этот код заменён новым: введите последний выданный вам код.',
        en: 'This code was replaced by a newer one: enter the latest code you were given.',
      },
      revoked: { ru: 'Код больше не действует. Обратитесь в клинику.', en: 'The code is no longer valid. Please contact the clinic.' },
    };
    super(`code_${state}`, 410, { title: messages[state] });
  }
}

export class CodeForAnotherProfileError extends AppError {
  constructor() {
    const message = {
      ru: 'Этот код выдан для профиля, который добавили не вы. Код подтверждает только профиль, добавленный в вашем кабинете.',
      en: 'This code was issued for a profile added by someone else. A code verifies only a profile added in your cabinet.',
    };
    super('code_for_another_profile', 409, { title: message });
  }
}

export class ProfileNotAdultError extends AppError {
  constructor() {
    super('profile_not_adult', 409, {
      title: {
        ru: 'Взять профиль себе может только сам человек, когда ему исполнилось 18 лет.',
        en: 'Only the person themselves, once 18, can take their profile over.',
      },
    });
  }
}

export class ProfileHasOwnerError extends AppError {
  constructor() {
    super('profile_has_owner', 409, {
      title: { ru: 'Этот профиль уже принадлежит пользователю кабинета.', en: 'This profile already belongs to a cabinet user.' },
    });
  }
}

export class ProfileNotOpenError extends AppError {
  constructor() {
    super('profile_not_open', 409, {
      title: {
        ru: 'Для этого профиля код выдать нельзя: он отклонён, заблокирован или его никто не ждёт.',
        en: 'No code can be issued for this profile: it is rejected, blocked, or nobody is waiting for it.',
      },
    });
  }
}

export class ProfileNotPendingError extends AppError {
  constructor() {
    super('profile_not_pending', 409, {
      title: { ru: 'Отклонить можно только профиль, который ждёт проверки.', en: 'Only a profile awaiting verification can be rejected.' },
    });
  }
}
