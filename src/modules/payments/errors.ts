import { AppError, NotFoundError, type DomainFieldError } from '../../platform/http/errors.ts';

export class PaymentNotFoundError extends NotFoundError {
  constructor() {
    super('payment_not_found', { title: { ru: 'Платёж не найден.', en: 'Payment not found.' } });
  }
}

export class InvoiceNotFoundError extends NotFoundError {
  constructor() {
    super('invoice_not_found', { title: { ru: 'Счёт не найден.', en: 'Invoice not found.' } });
  }
}

export class PaymentInvalidError extends AppError {
  constructor(errors: DomainFieldError[]) {
    super('validation_failed', 400, { errors });
  }
}

/** The amount of a payment or an invoice: whole kopecks from 1 ₽ to 1 000 000 ₽. */
export function amountError(field = 'amount'): DomainFieldError {
  return {
    field,
    code: 'amount_range',
    message: { ru: 'Сумма — от 1 до 1 000 000 ₽.', en: 'The amount must be from 1 to 1,000,000 ₽.' },
  };
}

export class GatewayFailedError extends AppError {
  constructor() {
    super('payment_gateway_failed', 502, {
      title: {
        ru: 'Платёжная система отказала в создании платежа. Попробуйте позже или оплатите по счёту.',
        en: 'The payment system refused to create the payment. Try later or pay by invoice.',
      },
    });
  }
}

export class InvoicePaidError extends AppError {
  constructor() {
    super('invoice_paid', 409, { title: { ru: 'Этот счёт уже оплачен.', en: 'This invoice has already been paid.' } });
  }
}

export class RequisitesMissingError extends AppError {
  constructor() {
    super('requisites_missing', 409, {
      title: {
        ru: 'Поставщик ещё не указал банковские реквизиты: выставить счёт пока нельзя.',
        en: 'The provider has not set its bank requisites yet: invoices cannot be issued.',
      },
    });
  }
}

export class TooManyLinkAttemptsError extends AppError {
  constructor(retryAfterSeconds: number) {
    super('too_many_attempts', 429, {
      title: { ru: 'Слишком много запросов. Повторите позже.', en: 'Too many requests. Please try again later.' },
      headers: { 'retry-after': String(retryAfterSeconds) },
      extra: { retryAfter: retryAfterSeconds },
    });
  }
}

export class NotificationInvalidError extends AppError {
  constructor() {
    super('notification_invalid', 400, { title: { ru: 'Это не уведомление платёжной системы.', en: 'This is not a payment notification.' } });
  }
}
