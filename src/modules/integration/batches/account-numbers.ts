import type { Db } from '../../../platform/db/database.ts';
import { findAccountsByNumbers, type Account } from '../../accounts/index.ts';
import type { Checked, ItemOutcome } from './runner.ts';

export interface Located<T> {
  /** The item's position in the batch, where its outcome goes. */
  position: number;
  account: Account;
  value: T;
}

/**
 * The accounts the items name by number, in one lookup: those found, and an `account_not_found`
 * outcome already set for the others.
 */
export async function locateAccounts<T extends { accountNumber: string }>(
  trx: Db,
  items: ReadonlyArray<Checked<T>>,
): Promise<{ outcomes: ItemOutcome[]; located: Located<T>[] }> {
  const accounts = await findAccountsByNumbers(
    trx,
    items.map((item) => item.value.accountNumber),
  );
  const outcomes: ItemOutcome[] = new Array(items.length);
  const located: Located<T>[] = [];
  items.forEach(({ value }, position) => {
    const account = accounts.get(value.accountNumber);
    if (account) located.push({ position, account, value });
    else {
      outcomes[position] = {
        errors: [{ field: 'account_number', code: 'account_not_found', message: { ru: `Лицевой счёт ${value.accountNumber} не найден`, en: `account ${value.accountNumber} is not found` } }],
      };
    }
  });
  return { outcomes, located };
}
