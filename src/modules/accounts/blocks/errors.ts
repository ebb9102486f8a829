import { AppError } from '../../../platform/http/errors.ts';

export class AccountClosedError extends AppError {
  constructor() {
    super('account_closed', 409, { title: { ru: 'Лицевой счёт закрыт.', en: 'The personal account is closed.' } });
  }
}

export class VoluntaryBlockExistsError extends AppError {
  constructor() {
    super('voluntary_block_exists', 409, { title: { ru: 'Добровольная блокировка уже действует.', en: 'A voluntary block is already in effect.' } });
  }
}

export class VoluntaryBlockNotOpenError extends AppError {
  constructor() {
    super('voluntary_block_not_open', 409, { title: { ru: 'Добровольной блокировки сейчас нет.', en: 'There is no voluntary block now.' } });
  }
}

export class StaffBlockExistsError extends AppError {
  constructor() {
    super('staff_block_exists', 409, { title: { ru: 'Счёт уже заблокирован поставщиком.', en: 'The account is already blocked by the provider.' } });
  }
}

export class StaffBlockNotOpenError extends AppError {
  constructor() {
    super('staff_block_not_open', 409, { title: { ru: 'Блокировки поставщиком сейчас нет.', en: 'There is no block by the provider now.' } });
  }
}

/** Staff block and unblock reach the customer with their reason, so the reason is required. */
export class BlockReasonRequiredError extends AppError {
  constructor() {
    super('validation_failed', 400, {
      errors: [{ field: 'reason', code: 'required', message: { ru: 'Укажите причину.', en: 'Give a reason.' } }],
    });
  }
}

export class PlannedEndInvalidError extends AppError {
  constructor(code: 'too_early' | 'too_late', maxDays: number) {
    const message =
      code === 'too_early'
        ? { ru: 'Дата окончания — не раньше завтрашнего дня.', en: 'The end date must be tomorrow or later.' }
        : { ru: `Дата окончания — не позже чем через ${maxDays} дней.`, en: `The end date must be within ${maxDays} days.` };
    super('validation_failed', 400, { errors: [{ field: 'plannedEnd', code, message }] });
  }
}
