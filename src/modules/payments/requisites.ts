import { recordAudit, type RequestOrigin } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import type { DomainFieldError } from '../../platform/http/errors.ts';
import { checkInn, checkKpp, compactTaxId } from '../parties/index.ts';
import { PaymentInvalidError } from './errors.ts';

/** The provider's bank requisites, printed on invoices and put into the payment QR code. */
export interface Requisites {
  payeeName: string;
  inn: string;
  kpp: string | null;
  address: string | null;
  bankName: string;
  bic: string;
  settlementAccount: string;
  correspondentAccount: string;
}

const columns = [
  'payee_name as payeeName',
  'inn',
  'kpp',
  'address',
  'bank_name as bankName',
  'bic',
  'settlement_account as settlementAccount',
  'correspondent_account as correspondentAccount',
] as const;

export async function findRequisites(db: Db): Promise<Requisites | undefined> {
  return db.selectFrom('payments_requisites').select(columns).executeTakeFirst();
}

const WEIGHTS = [7, 1, 3];

/**
 * The Bank of Russia's check key of a 20-digit account: the account prefixed with three digits
 * taken from the BIC, weighted 7-1-3 repeating, sums to a multiple of 10. A correspondent account
 * (and an account in a Bank of Russia unit, BIC ending in 000–002) takes «0» and the BIC's 5th–6th
 * digits; an account in a credit institution takes the BIC's last three digits.
 */
export function accountKeyValid(account: string, bic: string, kind: 'settlement' | 'correspondent'): boolean {
  if (!/^\d{20}$/.test(account) || !/^\d{9}$/.test(bic)) return false;
  const bankUnit = /^00[0-2]$/.test(bic.slice(6));
  const prefix = kind === 'correspondent' || bankUnit ? `0${bic.slice(4, 6)}` : bic.slice(6);
  const digits = prefix + account;
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index % 3]!, 0);
  return sum % 10 === 0;
}

function message(ru: string, en: string) {
  return { ru, en };
}

/** Every field's problem at once, in the field's words. */
export function requisitesErrors(input: Requisites): DomainFieldError[] {
  const errors: DomainFieldError[] = [];
  if (!input.payeeName.trim()) errors.push({ field: 'payeeName', code: 'required', message: message('Укажите получателя.', 'Enter the payee.') });
  if (!input.bankName.trim()) errors.push({ field: 'bankName', code: 'required', message: message('Укажите банк.', 'Enter the bank.') });
  const inn = checkInn(input.inn);
  if (inn) {
    errors.push({
      field: 'inn',
      code: `inn_${inn}`,
      message: inn === 'format' ? message('ИНН — 10 или 12 цифр.', 'An INN has 10 or 12 digits.') : message('Неверный ИНН: не сходится контрольная цифра.', 'Invalid INN: the check digit does not match.'),
    });
  }
  if (input.kpp !== null && checkKpp(input.kpp)) {
    errors.push({ field: 'kpp', code: 'kpp_format', message: message('КПП — 9 символов: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры.', 'A KPP has 9 characters.') });
  }
  if (input.kpp === null && /^\d{10}$/.test(input.inn)) {
    errors.push({ field: 'kpp', code: 'kpp_required', message: message('У организации есть КПП: укажите его.', 'An organization has a KPP: enter it.') });
  }
  const bicOk = /^\d{9}$/.test(input.bic);
  if (!bicOk) errors.push({ field: 'bic', code: 'bic_format', message: message('БИК — 9 цифр.', 'A BIC has 9 digits.') });
  for (const [field, kind, label] of [
    ['settlementAccount', 'settlement', message('Расчётный счёт', 'The settlement account')],
    ['correspondentAccount', 'correspondent', message('Корреспондентский счёт', 'The correspondent account')],
  ] as const) {
    const account = input[field];
    if (!/^\d{20}$/.test(account)) {
      errors.push({ field, code: 'account_format', message: message(`${label.ru} — 20 цифр.`, `${label.en} has 20 digits.`) });
    } else if (bicOk && !accountKeyValid(account, input.bic, kind)) {
      errors.push({
        field,
        code: 'account_checksum',
        message: message(`${label.ru} не сходится с БИК по контрольному ключу. Проверьте, нет ли опечатки.`, `${label.en} does not match the BIC by its check key. Look for a typo.`),
      });
    }
  }
  return errors;
}

export function normalizeRequisites(input: Requisites): Requisites {
  const kpp = input.kpp === null ? null : compactTaxId(input.kpp);
  return {
    payeeName: input.payeeName.trim(),
    inn: compactTaxId(input.inn),
    kpp: kpp === '' ? null : kpp,
    address: input.address?.trim() || null,
    bankName: input.bankName.trim(),
    bic: input.bic.replace(/\s/g, ''),
    settlementAccount: input.settlementAccount.replace(/[\s.-]/g, ''),
    correspondentAccount: input.correspondentAccount.replace(/[\s.-]/g, ''),
  };
}

/** Sets the requisites (administrators; also `kabinet demo`): all fields checked, nothing changed on a problem. */
export async function setRequisites(ctx: { db: Db; now: Date; actorId: string | null; origin?: RequestOrigin }, raw: Requisites): Promise<Requisites> {
  const input = normalizeRequisites(raw);
  const errors = requisitesErrors(input);
  if (errors.length > 0) throw new PaymentInvalidError(errors);
  await ctx.db.transaction().execute(async (trx) => {
    const values = {
      payee_name: input.payeeName,
      inn: input.inn,
      kpp: input.kpp,
      address: input.address,
      bank_name: input.bankName,
      bic: input.bic,
      settlement_account: input.settlementAccount,
      correspondent_account: input.correspondentAccount,
      updated_by: ctx.actorId,
      updated_at: ctx.now,
    };
    await trx
      .insertInto('payments_requisites')
      .values({ id: true, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
    await recordAudit(trx, ctx.now, { event: 'payments.requisites_set', actorId: ctx.actorId, origin: ctx.origin, details: { ...input } });
  });
  return input;
}
