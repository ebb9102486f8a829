import { Badge, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChangeMemberRole, useMembers, assignableRoles, type AssignableRole } from '../../../../api/employees';
import { useMe } from '../../../../api/identity';
import { useFormatDateTime } from '../../../../app/format';
import { FormError } from '../../../../components/forms/FormError';
import { useEmployeesContext } from '../EmployeesPage';
import { MemberActions } from './MemberActions';
import { RolesTable } from './RolesTable';

/** «Список»: the company's members; the head changes roles, blocks, removes and hands headship over. */
export function MembersTab() {
  const { t } = useTranslation('employees');
  const { t: tp } = useTranslation('parties');
  const formatDateTime = useFormatDateTime();
  const membership = useEmployeesContext();
  const customerId = membership.customer.id;
  const me = useMe().data;
  const members = useMembers(customerId);
  const changeRole = useChangeMemberRole(customerId);
  const canManage = membership.permissions.includes('manage_members');
  if (members.isError) throw members.error;

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <FormError error={changeRole.error} />
        {members.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" aria-label={t('members.label')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('members.person')}</Table.Th>
                  <Table.Th scope="col">{t('members.role')}</Table.Th>
                  <Table.Th scope="col">{t('members.status')}</Table.Th>
                  <Table.Th scope="col">{t('members.since')}</Table.Th>
                  {canManage && <Table.Th scope="col">{t('members.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.items.map((member) => {
                  const isSelf = member.userId === me?.id;
                  const editable = canManage && !isSelf && member.role !== 'head';
                  return (
                    <Table.Tr key={member.userId} aria-label={member.name}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {member.name}
                          </Text>
                          {isSelf && (
                            <Badge size="xs" variant="light">
                              {t('members.you')}
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                          {member.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {editable ? (
                          <Select
                            aria-label={t('members.roleOf', { name: member.name })}
                            size="xs"
                            w={170}
                            allowDeselect={false}
                            disabled={changeRole.isPending}
                            data={assignableRoles.map((role) => ({ value: role, label: tp(`roles.${role}`) }))}
                            value={member.role}
                            onChange={(role) => role && role !== member.role && changeRole.mutate({ userId: member.userId, role: role as AssignableRole })}
                          />
                        ) : (
                          <Text size="sm">{tp(`roles.${member.role}`)}</Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={member.status === 'active' ? 'teal' : 'red'} variant="light">
                          {t(`members.statuses.${member.status}`)}
                        </Badge>
                        {member.blockedReason && (
                          <Text size="xs" c="red.8" mt={4}>
                            {t('members.blockedReason', { reason: member.blockedReason })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(member.since)}</Text>
                      </Table.Td>
                      {canManage && <Table.Td>{editable && <MemberActions customerId={customerId} member={member} />}</Table.Td>}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <RolesTable />
    </Stack>
  );
}
