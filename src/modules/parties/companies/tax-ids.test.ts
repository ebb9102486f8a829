import { describe, expect, it } from 'vitest';
import { checkInn, checkInn10, checkInn12, checkKpp, checkOgrn, checkOgrnip, compactTaxId, taxIdErrors } from './tax-ids.ts';

/** The same identifier with one digit changed (position `at`, counted from 0): the check must fail. */
function flip(id: string, at = id.length - 1): string {
  const digit = Number(id[at]);
  return `${id.slice(0, at)}${(digit + 1) % 10}${id.slice(at + 1)}`;
}

describe('checkInn10', () => {
  it('accepts real organizations’ INNs', () => {
    expect(checkInn10('7707083893')).toBeUndefined(); // Sberbank
    expect(checkInn10('7736207543')).toBeUndefined(); // Yandex
  });

  it('refuses a wrong check digit, or a digit changed anywhere', () => {
    expect(checkInn10(flip('7707083893'))).toBe('checksum');
    expect(checkInn10(flip('7736207543'))).toBe('checksum');
    expect(checkInn10(flip('7707083893', 3))).toBe('checksum');
  });

  it('refuses anything but 10 digits', () => {
    for (const wrong of ['770708389', '77070838933', '770708389X', '', '7707 083893']) expect(checkInn10(wrong), wrong).toBe('format');
  });
});

describe('checkInn12', () => {
  it('accepts a person’s INN whose two check digits are right', () => {
    expect(checkInn12('500100732259')).toBeUndefined();
  });

  it('refuses either check digit wrong', () => {
    expect(checkInn12(flip('500100732259'))).toBe('checksum');
    expect(checkInn12(flip('500100732259', 10))).toBe('checksum');
    expect(checkInn12(flip('500100732259', 0))).toBe('checksum');
  });

  it('refuses anything but 12 digits', () => {
    expect(checkInn12('7707083893')).toBe('format');
  });
});

describe('checkInn', () => {
  it('takes 10 or 12 digits', () => {
    expect(checkInn('7707083893')).toBeUndefined();
    expect(checkInn('500100732259')).toBeUndefined();
    expect(checkInn('77070838931')).toBe('format');
    expect(checkInn('500100732250')).toBe('checksum');
  });
});

describe('checkOgrn', () => {
  it('accepts real OGRNs: (first 12 digits mod 11) mod 10 is the 13th', () => {
    expect(checkOgrn('1027700132195')).toBeUndefined(); // Sberbank
    expect(checkOgrn('1027739609391')).toBeUndefined();
  });

  it('refuses a wrong check digit and wrong lengths', () => {
    expect(checkOgrn(flip('1027700132195'))).toBe('checksum');
    expect(checkOgrn(flip('1027739609391'))).toBe('checksum');
    expect(checkOgrn('102770013219')).toBe('format');
    expect(checkOgrn('304500116000157')).toBe('format');
  });
});

describe('checkOgrnip', () => {
  it('accepts a real OGRNIP: (first 14 digits mod 13) mod 10 is the 15th', () => {
    expect(checkOgrnip('304500116000157')).toBeUndefined();
  });

  it('refuses a wrong check digit and wrong lengths', () => {
    expect(checkOgrnip(flip('304500116000157'))).toBe('checksum');
    expect(checkOgrnip('1027700132195')).toBe('format');
  });
});

describe('checkKpp', () => {
  it('takes 4 digits, 2 digits or capital Latin letters, 3 digits', () => {
    expect(checkKpp('773601001')).toBeUndefined();
    expect(checkKpp('7736AB001')).toBeUndefined();
    for (const wrong of ['7736ab001', '77360100', '7736010011', '77A601001', '7736АБ001']) expect(checkKpp(wrong), wrong).toBe('format');
  });
});

describe('compactTaxId', () => {
  it('drops spaces and dashes and upper-cases KPP letters', () => {
    expect(compactTaxId(' 7707 083-893 ')).toBe('7707083893');
    expect(compactTaxId('7736ab001')).toBe('7736AB001');
  });
});

describe('taxIdErrors', () => {
  it('says nothing about a valid legal entity or sole proprietor', () => {
    expect(taxIdErrors({ kind: 'legal_entity', inn: '7707083893', kpp: '773601001', ogrn: '1027700132195' })).toEqual([]);
    expect(taxIdErrors({ kind: 'sole_proprietor', inn: '500100732259', kpp: null, ogrn: '304500116000157' })).toEqual([]);
  });

  it('names each wrong field with a message in Russian and English', () => {
    const errors = taxIdErrors({ kind: 'legal_entity', inn: '7707083894', kpp: '77360100', ogrn: '1027700132196' });
    expect(errors.map((error) => [error.field, error.code])).toEqual([
      ['inn', 'inn_checksum'],
      ['kpp', 'kpp_format'],
      ['ogrn', 'ogrn_checksum'],
    ]);
    expect(errors[0]?.message.ru).toMatch(/контрольная цифра/);
    expect(errors[0]?.message.en).toMatch(/check digit/);
  });

  it('checks the INN’s length and the OGRN kind against the company kind', () => {
    expect(taxIdErrors({ kind: 'legal_entity', inn: '500100732259', kpp: null, ogrn: '304500116000157' }).map((error) => error.code)).toEqual([
      'inn_legal_entity_format',
      'kpp_required',
      'ogrn_format',
    ]);
    expect(taxIdErrors({ kind: 'sole_proprietor', inn: '7707083893', kpp: '773601001', ogrn: '1027700132195' }).map((error) => error.code)).toEqual([
      'inn_sole_proprietor_format',
      'kpp_not_allowed',
      'ogrnip_format',
    ]);
    expect(taxIdErrors({ kind: 'sole_proprietor', inn: '500100732259', kpp: null, ogrn: '304500116000158' }).map((error) => error.code)).toEqual(['ogrnip_checksum']);
  });
});
