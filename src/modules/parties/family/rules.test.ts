import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, formatProfileCode, hashProfileCode, newProfileCode, normalizeProfileCode } from './codes.ts';
import { addYears, isAdult, isCalendarDate, majorityDate, todayIn } from './dates.ts';

describe('profile codes', () => {
  it('are 10 symbols of an alphabet without 0, O, 1 and I, printed in groups', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[01IO]/);
    const code = newProfileCode();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    expect(formatProfileCode('K7QF92MX4P')).toBe('K7QF-92MX-4P');
  });

  it('read back whatever way people type them', () => {
    for (const typed of ['K7QF-92MX-4P', 'k7qf 92mx 4p', 'К7QF—92МХ—4Р', ' k7qf92mx4p ']) expect(normalizeProfileCode(typed)).toBe('K7QF92MX4P');
    for (const wrong of ['K7QF-92MX', 'K7QF-92MX-4P1', 'K7QF-92MX-40', 'K7QF-92MX-4!']) expect(normalizeProfileCode(wrong)).toBeUndefined();
  });

  it('are stored as the SHA-256 of the normalized code', () => {
    expect(hashProfileCode('K7QF92MX4P').equals(createHash('sha256').update('K7QF92MX4P', 'utf8').digest())).toBe(true);
    expect(hashProfileCode('K7QF92MX4P')).toHaveLength(32);
  });
});

describe('dates', () => {
  it('count the 18th birthday, on 28 February for someone born on 29 February', () => {
    expect(majorityDate('2010-05-17')).toBe('2028-05-17');
    expect(majorityDate('2008-02-29')).toBe('2026-02-28');
    expect(addYears('2026-11-25', -18)).toBe('2008-11-25');
    expect(isAdult('2008-11-25', '2026-11-25')).toBe(true);
    expect(isAdult('2008-11-26', '2026-11-25')).toBe(false);
  });

  it("take today in the provider's time zone", () => {
    const lateEvening = new Date('2026-11-25T22:30:00Z');
    expect(todayIn('Europe/Moscow', lateEvening)).toBe('2026-11-26');
    expect(todayIn('UTC', lateEvening)).toBe('2026-11-25');
  });

  it('know real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-13-01')).toBe(false);
  });
});
