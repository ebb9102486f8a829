import { useTranslation } from 'react-i18next';
import en from '../i18n/en.json';

type KnownEvent = keyof typeof en.settings.activity.events;

/** Event codes look like `login.succeeded`; the catalog keys them as `login_succeeded`. */
function knownEvent(event: string): KnownEvent | undefined {
  const key = event.replaceAll('.', '_');
  return Object.hasOwn(en.settings.activity.events, key) ? (key as KnownEvent) : undefined;
}

/** An audit event in the reader's words; an event the catalog does not know yet shows its code. */
export function useAuditEventLabel(): (event: string) => string {
  const { t } = useTranslation();
  return (event) => {
    const known = knownEvent(event);
    return known ? t(`settings.activity.events.${known}`) : t('settings.activity.otherEvent', { event });
  };
}
