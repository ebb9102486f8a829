/** Russian taxpayer numbers: the checksums of the INN (10 digits for organisations, 12 for people) and the KPP format. */

const INN10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_FIRST = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_SECOND = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: number[], weights: number[]): number {
  return (weights.reduce((sum, weight, index) => sum + weight * digits[index]!, 0) % 11) % 10;
}

export function isValidInn(inn: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(inn)) return false;
  const digits = [...inn].map(Number);
  if (digits.length === 10) return checkDigit(digits, INN10) === digits[9];
  return checkDigit(digits, INN12_FIRST) === digits[10] && checkDigit(digits, INN12_SECOND) === digits[11];
}

/** NNNN PP XXX: tax office, reason code (digits or capital Latin letters), sequence. */
export function isValidKpp(kpp: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(kpp);
}
