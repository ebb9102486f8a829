import { AppError, type Localized } from '../../platform/http/errors.ts';
import type { Permission } from './roles.ts';
import type { CustomerStatus, PendingStep } from './tables.ts';

export class MembershipPendingError extends AppError {
  constructor(step: PendingStep) {
    const messages: Record<PendingStep, { ru: string; en: string }> = {
      join_approval: {
        ru: 'Доступ к компании ещё не подтверждён модератором и руководителем.',
        en: 'Access to the company is not yet approved by the moderator and the head.',
      },
      activation: {
        ru: 'Доступ откроется после активации: передайте подписанные документы поставщику.',
        en: 'Access opens after activation: hand the signed papers to the provider.',
      },
      verification: {
        ru: 'Профиль ещё не подтверждён кодом из организации.',
        en: 'The profile is not yet verified with a code from the provider.',
      },
    };
    super('membership_pending', 403, { title: messages[step], extra: { pendingStep: step } });
  }
}

export class MembershipBlockedError extends AppError {
  constructor() {
    super('membership_blocked', 403, {
      title: { ru: 'Ваш доступ к этому клиенту заблокирован.', en: 'Your access to this customer is blocked.' },
    });
  }
}

export class PermissionDeniedError extends AppError {
  constructor(permission: Permission) {
    super('permission_denied', 403, {
      title: { ru: 'Вашей роли это действие недоступно.', en: 'Your role does not allow this action.' },
      extra: { permission },
    });
  }
}

export class CustomerNotActiveError extends AppError {
  constructor(status: Exclude<CustomerStatus, 'active'>) {
    const messages: Record<typeof status, { ru: string; en: string }> = {
      pending: { ru: 'Клиент ещё не подтверждён модератором.', en: 'The customer is not yet approved by a moderator.' },
      rejected: { ru: 'Регистрация клиента отклонена.', en: 'The customer’s registration was rejected.' },
      blocked: { ru: 'Клиент заблокирован: доступен только просмотр.', en: 'The customer is blocked: viewing only.' },
    };
    super('customer_not_active', 403, { title: messages[status], extra: { customerStatus: status } });
  }
}

/** A customer's action refused to a provider's staff account; `title` says which action. */
export class CustomersOnlyError extends AppError {
  constructor(title: Localized) {
    super('customers_only', 403, { title });
  }
}

/** A moderator's refusal or block goes to the customer with its reason, so the reason is required. */
export class ReasonRequiredError extends AppError {
  constructor() {
    super('validation_failed', 400, {
      errors: [{ field: 'reason', code: 'required', message: { ru: 'Укажите причину.', en: 'Give a reason.' } }],
    });
  }
}
