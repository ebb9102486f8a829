import { AppError, type Localized } from '../../platform/http/errors.ts';

export type IneligibleCode = 'disabled' | 'account_closed' | 'open' | 'interval' | 'account_age' | 'balance' | 'no_charges' | 'over_limit';

/** Why a promised payment cannot be taken now, in the customer's words. */
export interface Ineligibility {
  code: IneligibleCode;
  message: Localized;
}

/** Every reason is listed (field `account`), so the customer learns everything at once. */
export class PromisedNotEligibleError extends AppError {
  constructor(reasons: readonly Ineligibility[]) {
    super('promised_payment_not_eligible', 409, {
      title: { ru: 'Обещанный платёж сейчас недоступен.', en: 'A promised payment is not available now.' },
      errors: reasons.map((reason) => ({ field: 'account', code: reason.code, message: reason.message })),
    });
  }
}
