import { useTranslation } from 'react-i18next';
import en from '../i18n/en.json';

/**
 * Event codes look like `login.succeeded`; every catalog keys its events as `login_succeeded`.
 * The key when `events` (a catalog's section) has one, so an unknown event can fall back.
 */
export function eventKeyIn<Events extends object>(events: Events, event: string): (keyof Events & string) | undefined {
  const key = event.replaceAll('.', '_');
  return Object.hasOwn(events, key) ? (key as keyof Events & string) : undefined;
}

/** An audit event in the reader's words; an event the catalog does not know yet shows its code. */
export function useAuditEventLabel(): (event: string) => string {
  const { t } = useTranslation();
  return (event) => {
    const known = eventKeyIn(en.settings.activity.events, event);
    return known ? t(`settings.activity.events.${known}`) : t('settings.activity.otherEvent', { event });
  };
}
