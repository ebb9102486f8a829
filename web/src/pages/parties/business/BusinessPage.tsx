import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../../components/ComingSoon';

export function BusinessPage() {
  const { t } = useTranslation();
  return <ComingSoon heading={t('pages.business')} />;
}
