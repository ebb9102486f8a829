import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../../components/ComingSoon';

export function RegisterPage() {
  const { t } = useTranslation();
  return <ComingSoon heading={t('pages.register')} />;
}
