import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StaffProfile } from '../../../../api/family';
import { backofficeUserPath } from '../../../../app/paths';
import { useFormatDate } from '../../../../app/format';

type Member = StaffProfile['members'][number];

/** A family role is read with the parties' role names; a company role never reaches an individual's profile. */
function useRoleLabel() {
  const { t } = useTranslation('family');
  return (member: Member) => {
    const role = member.role === 'self' || member.role === 'guardian' || member.role === 'representative' ? t(`role.${member.role}`) : member.role;
    return member.relation ? `${role} · ${t(`relation.${member.relation}`)}` : role;
  };
}

export function ProfileMembers({ members }: { members: Member[] }) {
  const { t } = useTranslation('family');
  const formatDate = useFormatDate();
  const roleLabel = useRoleLabel();

  return (
    <Stack gap="sm" component="section" aria-labelledby="profile-members-heading">
      <Title order={2} size="h4" id="profile-members-heading">
        {t('backoffice.members')}
      </Title>
      {members.length === 0 ? (
        <Text>{t('backoffice.membersEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-labelledby="profile-members-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backoffice.member.name')}</Table.Th>
                <Table.Th>{t('backoffice.member.role')}</Table.Th>
                <Table.Th>{t('backoffice.member.status')}</Table.Th>
                <Table.Th>{t('backoffice.member.until')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.map((member) => (
                <Table.Tr key={member.userId}>
                  <Table.Td>
                    <Anchor component={Link} to={backofficeUserPath(member.userId)} size="sm">
                      {member.name}
                    </Anchor>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {member.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{roleLabel(member)}</Table.Td>
                  <Table.Td>{t(`backoffice.memberStatus.${member.status}`)}</Table.Td>
                  <Table.Td>{member.validUntil ? formatDate(member.validUntil) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
