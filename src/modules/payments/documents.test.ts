import { describe, expect, it } from 'vitest';
import { DEMO_REQUISITES } from './demo.ts';
import { gostPaymentPayload } from './qr.ts';
import { accountKeyValid, requisitesErrors } from './requisites.ts';
import { amountInWords, numberInWords } from './words.ts';
import { maskAccountNumber } from './invoice.ts';

describe('amountInWords', () => {
  it.each([
    [100, 'Один рубль 00 копеек'],
    [2_101, 'Двадцать один рубль 01 копейка'],
    [11_111, 'Сто одиннадцать рублей 11 копеек'],
    [123_456, 'Одна тысяча двести тридцать четыре рубля 56 копеек'],
    [2_200_005, 'Двадцать две тысячи рублей 05 копеек'],
    [100_000_000, 'Один миллион рублей 00 копеек'],
    [1_234_567_899, 'Двенадцать миллионов триста сорок пять тысяч шестьсот семьдесят восемь рублей 99 копеек'],
  ])('writes %i kopecks as «%s»', (kopecks, words) => {
    expect(amountInWords(kopecks)).toBe(words);
  });

  it('puts thousands in the feminine and teens in the plural', () => {
    expect(numberInWords(1_002)).toBe('одна тысяча два');
    expect(numberInWords(14_000)).toBe('четырнадцать тысяч');
    expect(numberInWords(3_000_000)).toBe('три миллиона');
    expect(numberInWords(0)).toBe('ноль');
  });
});

describe('gostPaymentPayload', () => {
  it('writes ST00012 and the fields in the standard’s order, the sum in kopecks', () => {
    expect(
      gostPaymentPayload({
        name: 'ООО «Демосервис»',
        personalAcc: '40702810594400012345',
        bankName: 'ПОВОЛЖСКИЙ БАНК ПАО СБЕРБАНК',
        bic: '043601607',
        correspAcc: '30101810200000000607',
        payeeInn: '6316123458',
        kpp: '631601001',
        sum: 123_456,
        purpose: 'Оплата по счёту № С-2026-000001, лицевой счёт № ЛС-000315',
        persAcc: 'ЛС-000315',
      }),
    ).toBe(
      'ST00012|Name=ООО «Демосервис»|PersonalAcc=40702810594400012345|BankName=ПОВОЛЖСКИЙ БАНК ПАО СБЕРБАНК|BIC=043601607|' +
        'CorrespAcc=30101810200000000607|PayeeINN=6316123458|KPP=631601001|Sum=123456|' +
        'Purpose=Оплата по счёту № С-2026-000001, лицевой счёт № ЛС-000315|PersAcc=ЛС-000315',
    );
  });

  it('leaves out a missing KPP, and keeps «|» and line breaks out of values', () => {
    const payload = gostPaymentPayload({
      name: 'ИП Кузнецов|А. В.',
      personalAcc: '40802810594400012345',
      bankName: 'Банк\nс переносом',
      bic: '043601607',
      correspAcc: '30101810200000000607',
      payeeInn: '500100732259',
      kpp: null,
      sum: 100,
      purpose: 'За услуги',
      persAcc: '4217',
    });
    expect(payload).toBe(
      'ST00012|Name=ИП Кузнецов А. В.|PersonalAcc=40802810594400012345|BankName=Банк с переносом|BIC=043601607|CorrespAcc=30101810200000000607|PayeeINN=500100732259|Sum=100|Purpose=За услуги|PersAcc=4217',
    );
  });
});

describe('accountKeyValid', () => {
  it('checks a correspondent and a settlement account against the BIC', () => {
    expect(accountKeyValid('30101810400000000225', '044525225', 'correspondent')).toBe(true);
    expect(accountKeyValid('30101810200000000607', '043601607', 'correspondent')).toBe(true);
    expect(accountKeyValid('30101810300000000607', '043601607', 'correspondent')).toBe(false);
    expect(accountKeyValid('40702810594400012345', '043601607', 'settlement')).toBe(true);
    expect(accountKeyValid('40702810594400012346', '043601607', 'settlement')).toBe(false);
  });

  it('accepts the demo requisites and names every wrong field', () => {
    expect(requisitesErrors(DEMO_REQUISITES)).toEqual([]);
    const errors = requisitesErrors({ ...DEMO_REQUISITES, inn: '6316123459', kpp: null, bic: '04360160', settlementAccount: '4070281059440001234' });
    expect(errors.map((error) => `${error.field}:${error.code}`)).toEqual(['inn:inn_checksum', 'kpp:kpp_required', 'bic:bic_format', 'settlementAccount:account_format']);
    const typo = requisitesErrors({ ...DEMO_REQUISITES, correspondentAccount: '30101810300000000607' });
    expect(typo).toEqual([
      {
        field: 'correspondentAccount',
        code: 'account_checksum',
        message: { ru: 'Корреспондентский счёт не сходится с БИК по контрольному ключу. Проверьте, нет ли опечатки.', en: 'The correspondent account does not match the BIC by its check key. Look for a typo.' },
      },
    ]);
  });
});

describe('maskAccountNumber', () => {
  it('shows the last characters only', () => {
    expect(maskAccountNumber('ЛС-000315')).toBe('•••0315');
    expect(maskAccountNumber('4217')).toBe('•••17');
  });
});
