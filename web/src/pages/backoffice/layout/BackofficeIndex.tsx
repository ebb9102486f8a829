import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useMe } from '../../../api/identity';
import { sectionsFor } from '../../../app/backoffice-access';
import { PageTitle } from '../../../components/PageTitle';

/** `/backoffice` opens the first section the role may use; a role with none is told so. */
export function BackofficeIndex() {
  const { t } = useTranslation();
  const first = sectionsFor(useMe().data)[0];
  if (first) return <Navigate to={first.path} replace />;

  return (
    <>
      <PageTitle>{t('backoffice.title')}</PageTitle>
      <Text c="dimmed" maw={640}>
        {t('backoffice.noSections')}
      </Text>
    </>
  );
}
