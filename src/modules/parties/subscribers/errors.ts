import { AppError } from '../../../platform/http/errors.ts';

export class SubscriberNotFoundError extends AppError {
  constructor() {
    super('subscriber_not_found', 404, {
      title: { ru: 'Абонент с таким кодом не найден.', en: 'No subscriber has this code.' },
      errors: [
        {
          field: 'subscriberCode',
          code: 'subscriber_not_found',
          message: {
            ru: 'Абонент с таким кодом не найден. Проверьте код в договоре или в платёжном документе.',
            en: 'No subscriber has this code. Check the code in your contract or bill.',
          },
        },
      ],
    });
  }
}

export class SubscriberNotConfirmableError extends AppError {
  constructor() {
    super('subscriber_not_confirmable', 409, {
      title: {
        ru: 'По этому коду нельзя зарегистрироваться самостоятельно: у абонента нет ни номера договора, ни ИНН. Обратитесь к поставщику.',
        en: 'This code cannot be registered online: the subscriber has neither a contract number nor an INN on file. Please contact the provider.',
      },
    });
  }
}

export class DetailMismatchError extends AppError {
  constructor(field: 'contractNumber' | 'inn', attemptsLeft: number) {
    const what = field === 'inn' ? { ru: 'ИНН не совпадает', en: 'The INN does not match' } : { ru: 'Номер договора не совпадает', en: 'The contract number does not match' };
    super('subscriber_detail_mismatch', 400, {
      title: { ru: 'Данные не совпадают с данными абонента.', en: 'The details do not match the subscriber.' },
      errors: [
        {
          field,
          code: 'subscriber_detail_mismatch',
          message:
            attemptsLeft > 0
              ? { ru: `${what.ru}. Осталось попыток: ${attemptsLeft}.`, en: `${what.en}. Attempts left: ${attemptsLeft}.` }
              : { ru: `${what.ru}. Попытки исчерпаны — повторите через час.`, en: `${what.en}. No attempts left — try again in an hour.` },
        },
      ],
      extra: { attemptsLeft },
    });
  }
}

export class CodeTakenError extends AppError {
  constructor() {
    super('subscriber_code_taken', 409, {
      title: {
        ru: 'Этот код абонента уже зарегистрирован в личном кабинете. Если это сделали не вы, обратитесь к поставщику.',
        en: 'This subscriber code is already registered. If it was not you, please contact the provider.',
      },
    });
  }
}

/** The customer already has a head in the cabinet (through another code or a company registration). */
export class CustomerHasHeadError extends AppError {
  constructor() {
    super('subscriber_has_head', 409, {
      title: {
        ru: 'У этого абонента уже есть руководитель в личном кабинете. Попросите его добавить вас или подайте заявку на присоединение к организации по ИНН.',
        en: 'This subscriber already has a head in the cabinet. Ask them to add you, or file a request to join the company by its INN.',
      },
    });
  }
}

export class AlreadyMemberError extends AppError {
  constructor() {
    super('subscriber_already_member', 409, {
      title: {
        ru: 'Вы уже связаны с этим абонентом в личном кабинете: откройте его в кабинете.',
        en: 'You are already connected to this subscriber: open it in your cabinet.',
      },
    });
  }
}

export class ClaimNotFoundError extends AppError {
  constructor() {
    super('subscriber_claim_not_found', 404, {
      title: { ru: 'Подтверждение кода не найдено. Начните регистрацию заново.', en: 'The code confirmation was not found. Please start again.' },
    });
  }
}

export class ClaimExpiredError extends AppError {
  constructor() {
    super('subscriber_claim_expired', 410, {
      title: {
        ru: 'Подтверждение кода абонента устарело (оно действует 30 минут). Введите код и подтвердите его заново.',
        en: 'The subscriber code confirmation has expired (it lasts 30 minutes). Enter and confirm the code again.',
      },
    });
  }
}

export class StaffCannotRegisterError extends AppError {
  constructor() {
    super('subscriber_staff_forbidden', 403, {
      title: { ru: 'Сотрудники поставщика не регистрируют абонентов на себя.', en: 'Provider staff cannot register subscribers to themselves.' },
    });
  }
}

export class PapersNotAvailableError extends AppError {
  constructor() {
    super('papers_not_available', 404, {
      title: { ru: 'Документы для активации не найдены: вы не регистрировались по коду абонента.', en: 'No activation papers: you did not register with a subscriber code.' },
    });
  }
}

export class ActivationDecidedError extends AppError {
  constructor(status: 'activated' | 'rejected') {
    super('activation_already_decided', 409, {
      title:
        status === 'activated'
          ? { ru: 'Кабинет абонента уже активирован.', en: 'The subscriber’s cabinet is already activated.' }
          : { ru: 'Регистрация абонента уже отклонена.', en: 'The subscriber’s registration is already rejected.' },
      extra: { activationStatus: status },
    });
  }
}

export class ActivationNotFoundError extends AppError {
  constructor() {
    super('not_found', 404);
  }
}

export class ScanRejectedError extends AppError {
  constructor(reason: 'too_large' | 'wrong_type' | 'empty' | 'too_many') {
    const messages = {
      too_large: { ru: 'Скан больше 10 МБ. Уменьшите его размер.', en: 'The scan is larger than 10 MB. Make it smaller.' },
      wrong_type: { ru: 'Скан должен быть файлом PDF, JPEG или PNG.', en: 'The scan must be a PDF, JPEG or PNG file.' },
      empty: { ru: 'Файл скана пуст.', en: 'The scan file is empty.' },
      too_many: { ru: 'Приложите один файл скана.', en: 'Attach one scan file.' },
    };
    super('validation_failed', reason === 'too_large' ? 413 : 400, { errors: [{ field: 'scan', code: `scan_${reason}`, message: messages[reason] }] });
  }
}
