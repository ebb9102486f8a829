import { Anchor, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useModeratedCompany } from '../../../api/companies';
import { paths } from '../../../app/paths';
import { PageTitle } from '../../../components/PageTitle';
import { CompanyAudit } from './components/CompanyAudit';
import { CompanyOverview } from './components/CompanyOverview';
import { RegistryComparison } from './components/RegistryComparison';

/** One company as the moderator decides on it: details, the registry's view, the decisions so far. */
export function CompanyPage() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('companies');
  const id = useParams().id ?? '';
  const company = useModeratedCompany(id);
  if (company.isPending) return <Loader aria-label={t('common.loading')} />;
  // An unknown id comes back 404, which the route's error boundary shows as «page not found».
  if (company.isError) throw company.error;
  const data = company.data;

  return (
    <Stack gap="xl" maw={960}>
      <PageTitle>{`${data.name} — ${t('backoffice.sections.companies')}`}</PageTitle>
      <Anchor component={Link} to={paths.backofficeCompanies} size="sm" w="fit-content">
        {tc('company.back')}
      </Anchor>
      <CompanyOverview company={data} />
      <RegistryComparison company={data} />
      <CompanyAudit events={data.audit} />
    </Stack>
  );
}
