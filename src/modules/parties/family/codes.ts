import { createHash, randomInt } from 'node:crypto';

/**
 * Profile codes staff hand to a person at the clinic: 10 characters from an alphabet without the
 * look-alikes 0/O and 1/I, printed in groups as «K7QF-92MX-4P». 32 symbols, so 50 bits: guessing
 * is hopeless under the redemption throttle, and a database dump is worth little since a code
 * lives 7 days and works once.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 10;
export const CODE_TTL_DAYS = 7;

/** Cyrillic letters people type for the Latin ones they see on the printout. */
const LOOKALIKES: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', З: '3', К: 'K', М: 'M', Н: 'H', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
};

export function newProfileCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(0, CODE_ALPHABET.length)];
  return code;
}

/** «K7QF-92MX-4P»: how the code is shown and printed. */
export function formatProfileCode(code: string): string {
  return [code.slice(0, 4), code.slice(4, 8), code.slice(8)].filter(Boolean).join('-');
}

/**
 * What the person typed, as stored: upper case, separators and spaces dropped, Cyrillic look-alikes
 * made Latin. Undefined when it cannot be a code at all (wrong length or a symbol never issued).
 */
export function normalizeProfileCode(raw: string): string | undefined {
  const code = [...raw.toUpperCase().replace(/[\s\-–—_.]/g, '')].map((ch) => LOOKALIKES[ch] ?? ch).join('');
  if (code.length !== CODE_LENGTH) return undefined;
  return [...code].every((ch) => CODE_ALPHABET.includes(ch)) ? code : undefined;
}

/** Codes are looked up by their hash, so the hash is unsalted: SHA-256 of the normalized code. */
export function hashProfileCode(normalized: string): Buffer {
  return createHash('sha256').update(normalized).digest();
}
