import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../../components/ComingSoon';

export function LoginPage() {
  const { t } = useTranslation();
  return <ComingSoon heading={t('pages.login')} />;
}
