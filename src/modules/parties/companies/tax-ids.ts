import type { Localized } from '../../../platform/http/errors.ts';

/**
 * Russian tax identifiers and their check digits, as the Federal Tax Service defines them:
 * INN (10 digits for an organization, 12 for a person or a sole proprietor), KPP, OGRN and OGRNIP.
 */
export type TaxIdProblem = 'format' | 'checksum';

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function weighted(digits: string, weights: number[]): number {
  const sum = weights.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  return (sum % 11) % 10;
}

/** An organization's INN: 10 digits, the last one a check digit. */
export function checkInn10(inn: string): TaxIdProblem | undefined {
  if (!/^\d{10}$/.test(inn)) return 'format';
  return weighted(inn, INN10_WEIGHTS) === Number(inn[9]) ? undefined : 'checksum';
}

/** A person's (and a sole proprietor's) INN: 12 digits, the last two check digits. */
export function checkInn12(inn: string): TaxIdProblem | undefined {
  if (!/^\d{12}$/.test(inn)) return 'format';
  const ok = weighted(inn, INN12_WEIGHTS_11) === Number(inn[10]) && weighted(inn, INN12_WEIGHTS_12) === Number(inn[11]);
  return ok ? undefined : 'checksum';
}

/** Any INN: 10 or 12 digits. */
export function checkInn(inn: string): TaxIdProblem | undefined {
  if (/^\d{10}$/.test(inn)) return checkInn10(inn);
  if (/^\d{12}$/.test(inn)) return checkInn12(inn);
  return 'format';
}

/** KPP: the tax office (4 digits), the reason (2 digits or capital Latin letters), a number (3 digits). */
export function checkKpp(kpp: string): TaxIdProblem | undefined {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp) ? undefined : 'format';
}

/** OGRN: 13 digits; the last is (the first 12 as a number mod 11) mod 10. */
export function checkOgrn(ogrn: string): TaxIdProblem | undefined {
  if (!/^\d{13}$/.test(ogrn)) return 'format';
  return (BigInt(ogrn.slice(0, 12)) % 11n) % 10n === BigInt(ogrn[12]!) ? undefined : 'checksum';
}

/** OGRNIP: 15 digits; the last is (the first 14 as a number mod 13) mod 10. */
export function checkOgrnip(ogrnip: string): TaxIdProblem | undefined {
  if (!/^\d{15}$/.test(ogrnip)) return 'format';
  return (BigInt(ogrnip.slice(0, 14)) % 13n) % 10n === BigInt(ogrnip[14]!) ? undefined : 'checksum';
}

/** People type identifiers with spaces and dashes; the registry and we keep bare digits (KPP letters upper-case). */
export function compactTaxId(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

export type CompanyKind = 'legal_entity' | 'sole_proprietor';

export interface TaxIdFieldError {
  field: string;
  code: string;
  message: Localized;
}

const MESSAGES = {
  inn_legal_entity_format: { ru: 'ИНН юридического лица — 10 цифр.', en: 'A legal entity’s INN has 10 digits.' },
  inn_sole_proprietor_format: { ru: 'ИНН индивидуального предпринимателя — 12 цифр.', en: 'A sole proprietor’s INN has 12 digits.' },
  inn_format: { ru: 'ИНН — 10 или 12 цифр.', en: 'An INN has 10 or 12 digits.' },
  inn_checksum: { ru: 'Неверный ИНН: не сходится контрольная цифра. Проверьте, нет ли опечатки.', en: 'Invalid INN: the check digit does not match. Look for a typo.' },
  kpp_required: { ru: 'Укажите КПП.', en: 'Enter the KPP.' },
  kpp_format: {
    ru: 'КПП — 9 символов: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры.',
    en: 'A KPP has 9 characters: 4 digits, 2 digits or capital Latin letters, 3 digits.',
  },
  kpp_not_allowed: { ru: 'У индивидуального предпринимателя нет КПП.', en: 'A sole proprietor has no KPP.' },
  ogrn_format: { ru: 'ОГРН — 13 цифр.', en: 'An OGRN has 13 digits.' },
  ogrn_checksum: { ru: 'Неверный ОГРН: не сходится контрольная цифра.', en: 'Invalid OGRN: the check digit does not match.' },
  ogrnip_format: { ru: 'ОГРНИП — 15 цифр.', en: 'An OGRNIP has 15 digits.' },
  ogrnip_checksum: { ru: 'Неверный ОГРНИП: не сходится контрольная цифра.', en: 'Invalid OGRNIP: the check digit does not match.' },
} satisfies Record<string, Localized>;

function fieldError(field: string, code: keyof typeof MESSAGES): TaxIdFieldError {
  return { field, code, message: MESSAGES[code] };
}

/** Why an INN cannot be looked up: format or check digit, said in the field's words. */
export function innErrors(inn: string, kind?: CompanyKind): TaxIdFieldError[] {
  if (kind === 'legal_entity' && !/^\d{10}$/.test(inn)) return [fieldError('inn', 'inn_legal_entity_format')];
  if (kind === 'sole_proprietor' && !/^\d{12}$/.test(inn)) return [fieldError('inn', 'inn_sole_proprietor_format')];
  const problem = checkInn(inn);
  if (problem === 'format') return [fieldError('inn', 'inn_format')];
  if (problem === 'checksum') return [fieldError('inn', 'inn_checksum')];
  return [];
}

/** Every identifier of a company, checked against its kind; one message per field. */
export function taxIdErrors(ids: { kind: CompanyKind; inn: string; kpp: string | null; ogrn: string }): TaxIdFieldError[] {
  const errors = innErrors(ids.inn, ids.kind);
  if (ids.kind === 'legal_entity') {
    if (!ids.kpp) errors.push(fieldError('kpp', 'kpp_required'));
    else if (checkKpp(ids.kpp)) errors.push(fieldError('kpp', 'kpp_format'));
    const ogrn = checkOgrn(ids.ogrn);
    if (ogrn) errors.push(fieldError('ogrn', ogrn === 'format' ? 'ogrn_format' : 'ogrn_checksum'));
  } else {
    if (ids.kpp) errors.push(fieldError('kpp', 'kpp_not_allowed'));
    const ogrnip = checkOgrnip(ids.ogrn);
    if (ogrnip) errors.push(fieldError('ogrn', ogrnip === 'format' ? 'ogrnip_format' : 'ogrnip_checksum'));
  }
  return errors;
}
