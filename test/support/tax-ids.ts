/**
 * Made-up Russian tax identifiers with correct check digits, for the Vitest tests and for the e2e
 * registry stand-in (e2e/support/registry.ts). The weights are the Federal Tax Service's; the app
 * checks them on its own (src/modules/parties/companies/tax-ids.ts), so a slip here cannot hide one
 * there.
 */
const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

let sequence = 0;

function checkDigit(digits: string, weights: number[]): number {
  return (weights.reduce((sum, weight, index) => sum + weight * Number(digits[index]), 0) % 11) % 10;
}

/** Random digits ending in a per-process sequence number, so that one test file does not get the same twice. */
function uniqueDigits(length: number): string {
  sequence++;
  return `${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}${String(sequence % 100).padStart(2, '0')}`.slice(-length);
}

export function isValidInn(inn: string): boolean {
  if (/^\d{10}$/.test(inn)) return checkDigit(inn, INN10_WEIGHTS) === Number(inn[9]);
  if (/^\d{12}$/.test(inn)) return checkDigit(inn, INN12_WEIGHTS_11) === Number(inn[10]) && checkDigit(inn, INN12_WEIGHTS_12) === Number(inn[11]);
  return false;
}

/** An organisation's INN (10 digits) beginning with `prefix`, with its check digit. */
export function validInn10(prefix = '77'): string {
  const body = `${prefix}${uniqueDigits(9 - prefix.length)}`;
  return `${body}${checkDigit(body, INN10_WEIGHTS)}`;
}

/** A person's or a sole proprietor's INN (12 digits), with both check digits. */
export function validInn12(): string {
  const body = `50${uniqueDigits(8)}`;
  const eleven = `${body}${checkDigit(body, INN12_WEIGHTS_11)}`;
  return `${eleven}${checkDigit(eleven, INN12_WEIGHTS_12)}`;
}

/** An OGRN (12 digits in, 13 out) or an OGRNIP (14 in, 15 out) completed with its check digit. */
export function withOgrnCheckDigit(body: string, kind: 'legal_entity' | 'sole_proprietor'): string {
  return `${body}${(BigInt(body) % (kind === 'legal_entity' ? 11n : 13n)) % 10n}`;
}

/** A random OGRN (13 digits) or OGRNIP (15 digits) with its check digit. */
export function validOgrn(kind: 'legal_entity' | 'sole_proprietor'): string {
  const length = kind === 'legal_entity' ? 12 : 14;
  return withOgrnCheckDigit(`${kind === 'legal_entity' ? '1' : '3'}${uniqueDigits(length - 1).padStart(length - 1, '0')}`, kind);
}
