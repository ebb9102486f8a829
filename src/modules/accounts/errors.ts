import { NotFoundError } from '../../platform/http/errors.ts';

export class AccountNotFoundError extends NotFoundError {
  constructor() {
    super('account_not_found', { title: { ru: 'Лицевой счёт не найден.', en: 'Personal account not found.' } });
  }
}
