import { Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStaff } from '../../../api/backoffice';
import { useMe } from '../../../api/identity';
import { PageTitle } from '../../../components/PageTitle';
import { InviteStaffForm } from './components/InviteStaffForm';
import { StaffCard } from './components/StaffCard';

/** Administrators: who works in the back office, in which role; inviting, re-roling and blocking them. */
export function StaffPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const staff = useStaff();
  if (staff.isError) throw staff.error;

  return (
    <Stack gap="xl" maw={900}>
      <PageTitle>{`${t('backoffice.sections.staff')} — ${t('backoffice.title')}`}</PageTitle>
      <InviteStaffForm />
      <Stack gap="md" component="section" aria-labelledby="staff-list-heading">
        <Title order={2} size="h3" id="staff-list-heading">
          {t('backoffice.staff.listTitle')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('backoffice.staff.listIntro')}
        </Text>
        {staff.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('backoffice.staff.listTitle')}>
            {staff.data.items.map((member) => (
              <StaffCard key={member.id} member={member} isSelf={member.id === me?.id} />
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}
