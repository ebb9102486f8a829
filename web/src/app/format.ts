import { useTranslation } from 'react-i18next';
import { usePublicSettings } from '../api/settings';

/** Date and time as people read them: 25.11.2026, 14:05 in Russian, in the provider's time zone. */
export function useFormatDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const timeZone = usePublicSettings().data?.timeZone;
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'ru-RU', {
    dateStyle: 'short',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  });
  return (iso) => format.format(new Date(iso));
}

/** A calendar date ('YYYY-MM-DD') as people read it: 17.05.2019 in Russian; no time zone shifts it. */
export function useFormatDate(): (date: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'ru-RU', { dateStyle: 'short', timeZone: 'UTC' });
  return (date) => format.format(new Date(`${date}T00:00:00Z`));
}

/** Kopecks as money: «1 234,56 ₽» in Russian; exact, since kopecks are whole numbers. */
export function useFormatMoney(): (kopecks: number) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'ru-RU', { style: 'currency', currency: 'RUB', minimumFractionDigits: 2 });
  return (kopecks) => format.format(kopecks / 100);
}
