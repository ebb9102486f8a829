import { Anchor, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCustomer } from '../../../api/backoffice';
import { paths } from '../../../app/paths';
import { PageTitle } from '../../../components/PageTitle';
import { CustomerActivity } from './components/CustomerActivity';
import { CustomerOverview } from './components/CustomerOverview';
import { CustomerSessions } from './components/CustomerSessions';

/** One customer as staff see them: status, contacts, two-factor, live sessions and recent activity. */
export function UserPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const customer = useCustomer(id);
  if (customer.isPending) return <Loader aria-label={t('common.loading')} />;
  // An unknown id comes back 404, which the route's error boundary shows as «page not found».
  if (customer.isError) throw customer.error;
  const data = customer.data;

  return (
    <Stack gap="xl" maw={900}>
      <PageTitle>{`${data.name} — ${t('backoffice.sections.users')}`}</PageTitle>
      <Anchor component={Link} to={paths.backofficeUsers} size="sm" w="fit-content">
        {t('backoffice.user.back')}
      </Anchor>
      <CustomerOverview customer={data} />
      <CustomerSessions sessions={data.sessions} />
      <CustomerActivity customerId={data.id} events={data.audit} />
    </Stack>
  );
}
