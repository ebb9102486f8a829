import { describe, expect, it } from 'vitest';
import { localeFrom, t } from './index.ts';

describe('localeFrom', () => {
  it.each([
    [undefined, 'ru'],
    ['', 'ru'],
    ['en-US,en;q=0.9', 'en'],
    ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
    ['de-DE,en;q=0.5,ru;q=0.4', 'en'],
    ['fr', 'ru'],
    ['en;q=0,ru', 'ru'],
  ])('picks %j → %s', (header, expected) => {
    expect(localeFrom(header)).toBe(expected);
  });
});

describe('t', () => {
  it('fills parameters', () => {
    expect(t('ru', 'validation.maxLength', { limit: 64 })).toBe('Не длиннее 64 символов.');
  });
});
