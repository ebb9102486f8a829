import { Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRoles } from '../../../../api/parties';

const companyRoles = ['head', 'administrator', 'accountant', 'employee'] as const;

/** Who may do what inside a company: the server's one role table (GET /roles), shown as is. */
export function RolesTable() {
  const { t } = useTranslation('employees');
  const { t: tp } = useTranslation('parties');
  const roles = useRoles();
  if (roles.isError) throw roles.error;
  if (roles.isPending) return null;
  const rows = companyRoles.map((role) => ({ role, allowed: new Set(roles.data.items.find((item) => item.role === role)?.permissions ?? []) }));
  const permissions = [...new Set(rows.flatMap((row) => [...row.allowed]))];
  // The permissions in the order the server lists them for the head (who has them all).
  const ordered = roles.data.items.find((item) => item.role === 'head')?.permissions.filter((permission) => permissions.includes(permission)) ?? permissions;

  return (
    <section aria-labelledby="roles-table">
      <Title order={2} size="h4" id="roles-table" mb="xs">
        {t('roles.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('roles.intro')}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder withColumnBorders striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('roles.permission')}</Table.Th>
              {rows.map((row) => (
                <Table.Th key={row.role} scope="col" ta="center">
                  {tp(`roles.${row.role}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordered.map((permission) => (
              <Table.Tr key={permission}>
                <Table.Th scope="row" fw={400}>
                  {tp(`permissions.${permission}`)}
                </Table.Th>
                {rows.map((row) => (
                  <Table.Td key={row.role} ta="center" aria-label={row.allowed.has(permission) ? t('roles.yes') : t('roles.no')}>
                    <Text span c={row.allowed.has(permission) ? 'teal.8' : 'dimmed'} fw={700} aria-hidden>
                      {row.allowed.has(permission) ? '✓' : '—'}
                    </Text>
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
