/** Amounts in Russian words, as invoices write them: «Одна тысяча двести рублей 05 копеек». */

const UNITS_MALE = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const UNITS_FEMALE = ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const TEENS = ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'];
const TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];

/** Scales from the largest down: forms for 1, 2–4, 5+, and the grammatical gender of the noun. */
const SCALES: Array<{ value: number; forms: [string, string, string]; female: boolean }> = [
  { value: 1e12, forms: ['триллион', 'триллиона', 'триллионов'], female: false },
  { value: 1e9, forms: ['миллиард', 'миллиарда', 'миллиардов'], female: false },
  { value: 1e6, forms: ['миллион', 'миллиона', 'миллионов'], female: false },
  { value: 1e3, forms: ['тысяча', 'тысячи', 'тысяч'], female: true },
];

/** The form of a noun after a number: 1 рубль, 2 рубля, 5 рублей, 11 рублей, 21 рубль. */
export function plural(n: number, forms: readonly [string, string, string]): string {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

function triad(n: number, female: boolean): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds) words.push(HUNDREDS[hundreds]!);
  if (rest >= 10 && rest < 20) {
    words.push(TEENS[rest - 10]!);
  } else {
    if (rest >= 20) words.push(TENS[Math.floor(rest / 10)]!);
    const unit = rest % 10;
    if (unit) words.push((female ? UNITS_FEMALE : UNITS_MALE)[unit]!);
  }
  return words;
}

/** A whole number in words, masculine (as «рубль» needs): 1201 → «одна тысяча двести один». */
export function numberInWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${value} is not a whole non-negative number`);
  if (value === 0) return 'ноль';
  const words: string[] = [];
  let rest = value;
  for (const scale of SCALES) {
    const count = Math.floor(rest / scale.value);
    if (count === 0) continue;
    if (count >= 1000) throw new Error(`${value} is too large to write in words`);
    words.push(...triad(count, scale.female), plural(count, scale.forms));
    rest %= scale.value;
  }
  words.push(...triad(rest, false));
  return words.join(' ');
}

/** Kopecks as an invoice writes them: «Одна тысяча двести тридцать четыре рубля 56 копеек». */
export function amountInWords(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks) || kopecks < 0) throw new Error(`${kopecks} is not a whole number of kopecks`);
  const rubles = Math.floor(kopecks / 100);
  const cents = kopecks % 100;
  const text = `${numberInWords(rubles)} ${plural(rubles, ['рубль', 'рубля', 'рублей'])} ${String(cents).padStart(2, '0')} ${plural(cents, ['копейка', 'копейки', 'копеек'])}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
