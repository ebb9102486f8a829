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
