import { useTranslation } from 'react-i18next';

/** A calendar date ('YYYY-MM-DD') as people read it: 17.05.2019 in Russian; no time zone shifts it. */
export function useFormatDate(): (date: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'ru-RU', { dateStyle: 'short', timeZone: 'UTC' });
  return (date) => format.format(new Date(`${date}T00:00:00Z`));
}
