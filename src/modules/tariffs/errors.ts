import { AppError, NotFoundError } from '../../platform/http/errors.ts';

export class PlanNotFoundError extends NotFoundError {
  constructor() {
    super('plan_not_found', { title: { ru: 'Тариф не найден.', en: 'Tariff plan not found.' } });
  }
}

export class ServiceNotFoundError extends NotFoundError {
  constructor() {
    super('service_not_found', { title: { ru: 'Услуга не найдена.', en: 'Service not found.' } });
  }
}

/** A plan the customer may not choose: archived, not self-service, or for another kind of account. */
export class PlanNotOfferedError extends AppError {
  constructor() {
    super('plan_not_offered', 422, {
      title: { ru: 'Этот тариф нельзя подключить в личном кабинете.', en: 'This plan cannot be chosen in the cabinet.' },
      errors: [{ field: 'planCode', code: 'not_offered', message: { ru: 'Выберите тариф из предложенных.', en: 'Choose one of the plans offered.' } }],
    });
  }
}

export class ServiceNotOfferedError extends AppError {
  constructor() {
    super('service_not_offered', 422, {
      title: { ru: 'Эту услугу нельзя подключить в личном кабинете.', en: 'This service cannot be ordered in the cabinet.' },
      errors: [{ field: 'serviceCode', code: 'not_offered', message: { ru: 'Выберите услугу из предложенных.', en: 'Choose one of the services offered.' } }],
    });
  }
}

export class SamePlanError extends AppError {
  constructor(scheduledChange: boolean) {
    super('same_plan', 409, {
      title: scheduledChange
        ? {
            ru: 'Этот тариф уже действует. Чтобы остаться на нём, отмените запланированную смену тарифа.',
            en: 'This plan is already current. To stay on it, cancel the scheduled change.',
          }
        : { ru: 'Этот тариф уже подключён.', en: 'This plan is already current.' },
    });
  }
}

export class ChangeAlreadyScheduledError extends AppError {
  constructor(effectiveFrom: string) {
    super('change_already_scheduled', 409, {
      title: { ru: 'Переход на этот тариф уже запланирован.', en: 'A change to this plan is already scheduled.' },
      extra: { effectiveFrom },
    });
  }
}

export class NoCurrentPlanError extends AppError {
  constructor() {
    super('no_current_plan', 409, {
      title: {
        ru: 'У лицевого счёта нет действующего тарифа. Чтобы подключить тариф, обратитесь к поставщику.',
        en: 'The account has no current plan. Contact the provider to get one.',
      },
    });
  }
}

export class NoScheduledChangeError extends AppError {
  constructor() {
    super('no_scheduled_change', 409, { title: { ru: 'Запланированной смены тарифа нет.', en: 'There is no scheduled plan change.' } });
  }
}

export class ServiceAlreadyActiveError extends AppError {
  constructor() {
    super('service_already_active', 409, { title: { ru: 'Эта услуга уже подключена.', en: 'This service is already active.' } });
  }
}

export class ServiceNotActiveError extends AppError {
  constructor() {
    super('service_not_active', 409, { title: { ru: 'Эта услуга не подключена.', en: 'This service is not active.' } });
  }
}

export class ServiceAlreadyCancelledError extends AppError {
  constructor(endsOn: string) {
    super('service_already_cancelled', 409, {
      title: { ru: 'Услуга уже отключена и перестанет действовать в конце периода.', en: 'The service is already cancelled and ends with the period.' },
      extra: { endsOn },
    });
  }
}

export type AccountRefusal = 'closed' | 'blocked_by_staff' | 'blocked_for_debt';

/** What the account's state does not allow: a closed account, a staff block, ordering while in debt. */
export class AccountStateError extends AppError {
  constructor(reason: AccountRefusal) {
    const titles: Record<AccountRefusal, { ru: string; en: string }> = {
      closed: { ru: 'Лицевой счёт закрыт.', en: 'The personal account is closed.' },
      blocked_by_staff: {
        ru: 'Лицевой счёт заблокирован поставщиком: изменения недоступны. Обратитесь в поддержку.',
        en: 'The account is blocked by the provider: changes are not available. Contact support.',
      },
      blocked_for_debt: {
        ru: 'Лицевой счёт заблокирован за долг: пополните баланс, чтобы подключить услугу.',
        en: 'The account is blocked for debt: top up the balance to order a service.',
      },
    };
    super('account_state_refuses', 409, { title: titles[reason], extra: { reason } });
  }
}

export class CodeTakenError extends AppError {
  constructor() {
    super('code_taken', 409, {
      title: { ru: 'Такой код уже занят.', en: 'This code is already taken.' },
      errors: [{ field: 'code', code: 'taken', message: { ru: 'Код уже занят тарифом или услугой: выберите другой.', en: 'A plan or a service already has this code: choose another.' } }],
    });
  }
}

/** Another change of the same account committed first (the open-plan or open-service index said so). */
export class ConcurrentChangeError extends AppError {
  constructor() {
    super('concurrent_change', 409, {
      title: { ru: 'Одновременно выполняется другое изменение. Обновите страницу и повторите.', en: 'Another change is in progress. Reload the page and try again.' },
      headers: { 'retry-after': '1' },
    });
  }
}

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint: name, message } = error as { code?: string; constraint?: string; message?: string };
  return code === '23505' && (name === constraint || Boolean(message?.includes(constraint)));
}
