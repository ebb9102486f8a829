import { AppError, type Localized } from '../../../platform/http/errors.ts';
import type { CustomerStatus } from '../tables.ts';
import type { TaxIdFieldError } from './tax-ids.ts';

export class TaxIdInvalidError extends AppError {
  constructor(errors: TaxIdFieldError[]) {
    super('validation_failed', 400, { errors });
  }
}

// Titles of the parties-wide `customers_only` and identity's `too_many_attempts`, in this slice's words.
export const CUSTOMERS_ONLY: Localized = { ru: 'Компании регистрируют клиенты, а не сотрудники.', en: 'Companies are registered by customers, not by staff.' };
export const REGISTRY_LOOKUPS_THROTTLED: Localized = { ru: 'Слишком много запросов к реестру. Повторите позже.', en: 'Too many registry look-ups. Please try again later.' };

export class CompanyLiquidatedError extends AppError {
  constructor() {
    const message = {
      ru: 'По данным реестра организация ликвидирована: зарегистрировать её нельзя.',
      en: 'According to the registry the organization has been liquidated and cannot be registered.',
    };
    super('company_liquidated', 422, { title: message, errors: [{ field: 'inn', code: 'company_liquidated', message }] });
  }
}

const STATUS_NAMES: Record<CustomerStatus, Localized> = {
  pending: { ru: 'на модерации', en: 'pending' },
  active: { ru: 'активна', en: 'active' },
  rejected: { ru: 'отклонена', en: 'rejected' },
  blocked: { ru: 'заблокирована', en: 'blocked' },
};

/** A moderation step that does not apply to the company as it is now (e.g. approving a blocked one). */
export class CompanyStatusConflictError extends AppError {
  constructor(status: CustomerStatus) {
    super('company_status_conflict', 409, {
      title: {
        ru: `Это действие недоступно: компания ${STATUS_NAMES[status].ru}.`,
        en: `This action is not available: the company is ${STATUS_NAMES[status].en}.`,
      },
      extra: { companyStatus: status },
    });
  }
}
