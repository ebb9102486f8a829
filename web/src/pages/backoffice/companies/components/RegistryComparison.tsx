import { Alert, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompanyDetail } from '../../../../api/companies';
import { useFormatDateTime } from '../../../../app/format';

const COMPARED = ['kind', 'kpp', 'ogrn', 'name', 'legalAddress', 'headName'] as const;
type Compared = (typeof COMPARED)[number];

/** What was entered next to what the registry holds; the fields the server found different are marked. */
export function RegistryComparison({ company }: { company: CompanyDetail }) {
  const { t } = useTranslation('companies');
  const formatDateTime = useFormatDateTime();
  const registry = company.registry;
  const party = registry?.party;
  const mismatches = new Set(registry?.mismatches ?? []);

  const entered = (field: Compared): string | null => (field === 'kind' ? t(`kindsShort.${company.kind}`) : company[field]);
  const listed = (field: Compared): string | null => {
    if (!party) return null;
    if (field === 'kind') return t(`kindsShort.${party.kind}`);
    if (field === 'name') return [party.name, party.shortName].filter(Boolean).join(' / ');
    return party[field];
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="company-registry-heading">
      <Title order={3} size="h4" id="company-registry-heading">
        {t('company.registryTitle')}
      </Title>
      {registry && (
        <Text size="sm" c="dimmed">
          {[registry.source ? t(`company.registrySource.${registry.source}`) : null, t('company.checkedAt', { at: formatDateTime(registry.checkedAt) })]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
      {!registry || company.registryCheck === null ? (
        <Text>{t('company.registryNone')}</Text>
      ) : company.registryCheck === 'unavailable' ? (
        <Alert color="yellow" variant="light" title={t('registry.unavailable')}>
          <Text size="sm">{t('company.registryUnavailable')}</Text>
          {registry.reason && (
            <Text size="xs" c="dimmed" mt={4}>
              {registry.reason}
            </Text>
          )}
        </Alert>
      ) : company.registryCheck === 'not_found' ? (
        <Alert color="red" variant="light" title={t('registry.not_found')}>
          {t('company.registryNotFound')}
        </Alert>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder aria-labelledby="company-registry-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('company.field')}</Table.Th>
                <Table.Th>{t('company.entered')}</Table.Th>
                <Table.Th>{t('company.inRegistry')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {COMPARED.map((field) => (
                <Table.Tr key={field} bg={mismatches.has(field) ? 'var(--mantine-color-orange-light)' : undefined}>
                  <Table.Td>
                    {t(`company.fields.${field}`)}
                    {mismatches.has(field) && (
                      <Badge color="orange" variant="light" ml="xs" size="sm">
                        {t('company.differs')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{entered(field) ?? t('company.empty')}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{listed(field) ?? t('company.empty')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
