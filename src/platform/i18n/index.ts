import { en, ru, type MessageKey } from './catalogs.ts';

export type Locale = 'ru' | 'en';
export type { MessageKey };

const catalogs: Record<Locale, Record<string, string>> = { ru, en };

/** Picks the caller's language from Accept-Language; Russian unless English is preferred. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'ru';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((item) => item.q > 0)
    .sort((a, b) => b.q - a.q);
  const first = ranked.find((item) => item.lang === 'ru' || item.lang === 'en');
  return first?.lang === 'en' ? 'en' : 'ru';
}

export function hasMessage(key: string): key is MessageKey {
  return key in ru;
}

export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogs[locale][key] ?? ru[key];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
