import { Anchor, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanySummary } from '../../../../api/companies';
import { useFormatDateTime } from '../../../../app/format';
import { backofficeCompanyPath } from '../../../../app/paths';
import { SelectAllCheckbox } from '../../shared/QueueControls';
import type { Selection } from '../../shared/queue';
import { CompanyStatusBadge, RegistryBadge } from './Badges';

/** One row per company; only pending ones can be ticked for bulk approval. */
export function CompanyTable({ items, selection }: { items: CompanySummary[]; selection: Selection }) {
  const { t } = useTranslation('companies');
  const formatDateTime = useFormatDateTime();
  const pending = items.filter((item) => item.status === 'pending').map((item) => item.id);

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover aria-label={t('queue.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              {pending.length > 0 && <SelectAllCheckbox label={t('queue.selectAll')} keys={pending} selection={selection} />}
            </Table.Th>
            <Table.Th>{t('queue.name')}</Table.Th>
            <Table.Th>{t('queue.taxIds')}</Table.Th>
            <Table.Th>{t('queue.kind')}</Table.Th>
            <Table.Th>{t('queue.registryCheck')}</Table.Th>
            <Table.Th>{t('queue.status')}</Table.Th>
            <Table.Th>{t('queue.registered')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((company) => (
            <Table.Tr key={company.id}>
              <Table.Td>
                {company.status === 'pending' && (
                  <Checkbox
                    aria-label={t('queue.select', { name: company.name })}
                    checked={selection.has(company.id)}
                    onChange={(event) => selection.toggle(company.id, event.currentTarget.checked)}
                  />
                )}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={backofficeCompanyPath(company.id)} fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {company.name}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{company.inn}</Text>
                {company.kpp && (
                  <Text size="xs" c="dimmed">
                    {company.kpp}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`kindsShort.${company.kind}`)}</Table.Td>
              <Table.Td>
                <RegistryBadge check={company.registryCheck} />
              </Table.Td>
              <Table.Td>
                <CompanyStatusBadge status={company.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(company.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
