import { useTranslation } from 'react-i18next';
import { usePublicSettings } from '../api/settings';

/** The browser tab's title: the page, then the provider. React 19 hoists `<title>` into `<head>`. */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  const settings = usePublicSettings();
  const site = settings.data?.name ?? t('app.name');
  return <title>{children === site ? site : `${children} — ${site}`}</title>;
}
