import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompanyStatus, RegistryCheck } from '../../../../api/companies';

const STATUS_COLORS: Record<CompanyStatus, string> = { pending: 'yellow', active: 'teal', rejected: 'gray', blocked: 'red' };
const CHECK_COLORS: Record<RegistryCheck, string> = { confirmed: 'teal', mismatch: 'orange', not_found: 'red', unavailable: 'yellow' };

export function CompanyStatusBadge({ status }: { status: CompanyStatus }) {
  const { t } = useTranslation('companies');
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** What the registry said when the company registered; «not confirmed» when it could not be asked. */
export function RegistryBadge({ check }: { check: RegistryCheck | null }) {
  const { t } = useTranslation('companies');
  return (
    <Badge color={check ? CHECK_COLORS[check] : 'gray'} variant="outline" style={{ textTransform: 'none' }}>
      {check ? t(`registry.${check}`) : t('registry.none')}
    </Badge>
  );
}
