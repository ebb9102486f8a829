import { Alert, Anchor, Badge, Center, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useOutletContext, useSearchParams } from 'react-router';
import { useCompanyJoinRequests } from '../../../api/employees';
import type { MyCustomer } from '../../../api/parties';
import { useCurrentCustomer } from '../../../app/current-customer';
import { paths } from '../../../app/paths';
import { PageTitle } from '../../../components/PageTitle';

const tabs = [
  { key: 'list', path: paths.employees },
  { key: 'requests', path: paths.employeesRequests },
] as const;

/** What the tabs receive: the company the user acts for, with their role and what it allows. */
export function useEmployeesContext(): MyCustomer {
  return useOutletContext<MyCustomer>();
}

/**
 * «Сотрудники» of the company chosen in the header: the members («Список») and, for those who
 * approve members, the join requests waiting for the company («Заявки»).
 */
export function EmployeesPage() {
  const { t } = useTranslation('employees');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const { current, memberships, isPending, choose } = useCurrentCustomer();

  // A link from a mail names the company (`?customer=`): act for it if the user may.
  const wanted = searchParams.get('customer');
  useEffect(() => {
    if (!wanted || isPending) return;
    if (memberships.some((membership) => membership.customer.id === wanted && membership.status === 'active')) choose(wanted);
    setSearchParams({}, { replace: true });
  }, [wanted, isPending, memberships, choose, setSearchParams]);

  const isCompany = current !== null && current.customer.kind !== 'individual';
  const canApprove = isCompany && current.permissions.includes('approve_members');
  const requests = useCompanyJoinRequests(canApprove ? current.customer.id : undefined);
  const waiting = requests.data?.items.filter((request) => request.companyDecision === null).length ?? 0;
  const visibleTabs = tabs.filter((tab) => tab.key !== 'requests' || canApprove);
  const active = [...visibleTabs].reverse().find((tab) => pathname.startsWith(tab.path)) ?? visibleTabs[0]!;

  if (isPending || wanted) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }

  return (
    <Stack gap="lg">
      <PageTitle>{isCompany ? `${t(`tabs.${active.key}`)} — ${t('title')} — ${current.customer.name}` : t('title')}</PageTitle>
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        {isCompany && <Text c="dimmed">{current.customer.name}</Text>}
      </Stack>
      {!isCompany ? (
        <Alert color="blue" variant="light" title={t('noCompany.title')}>
          <Text size="sm">{t('noCompany.text')}</Text>
          <Anchor component={Link} to={paths.joinCompany} size="sm">
            {t('noCompany.join')}
          </Anchor>
        </Alert>
      ) : (
        <>
          <Tabs value={active.key} onChange={(key) => void navigate(visibleTabs.find((tab) => tab.key === key)?.path ?? paths.employees)}>
            <Tabs.List>
              {visibleTabs.map((tab) => (
                <Tabs.Tab
                  key={tab.key}
                  value={tab.key}
                  rightSection={
                    tab.key === 'requests' && waiting > 0 ? (
                      <Badge size="sm" variant="filled" circle={waiting < 10} aria-label={t('tabs.waiting', { count: waiting })}>
                        {waiting}
                      </Badge>
                    ) : undefined
                  }
                >
                  {t(`tabs.${tab.key}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
          <Outlet context={current} key={current.customer.id} />
        </>
      )}
    </Stack>
  );
}
