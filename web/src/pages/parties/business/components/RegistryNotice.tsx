import { Alert, Button, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RegistryLookup } from '../../../../api/companies';
import { ApiError } from '../../../../api/problem';
import { ApiErrorAlert } from '../../../../components/ApiErrorAlert';
import { joinPagePath } from '../join-path';

/** What the registry said about the INN typed: filled in, not found, unreachable, or already registered here. */
export function RegistryNotice({ inn, lookup }: { inn: string; lookup: UseQueryResult<RegistryLookup> }) {
  const { t } = useTranslation('companies');
  if (lookup.isPending) {
    return (
      <Text size="sm" c="dimmed" role="status">
        {t('lookup.searching')}
      </Text>
    );
  }
  if (lookup.isError) {
    // A wrong check digit is shown under the INN field itself.
    if (lookup.error instanceof ApiError && lookup.error.status === 400) return null;
    return <ApiErrorAlert error={lookup.error} title={t('lookup.failed')} />;
  }
  const { result, party, registered } = lookup.data;
  return (
    <>
      {registered && (
        <Alert color="blue" variant="light" role="status" title={t('lookup.registeredTitle', { name: registered.name })}>
          <Text size="sm" mb="xs">
            {t('lookup.registeredText')}
          </Text>
          <Button component={Link} to={joinPagePath(inn)} size="xs">
            {t('lookup.join')}
          </Button>
        </Alert>
      )}
      {party?.liquidated ? (
        <Alert color="red" variant="light" role="alert">
          {t('lookup.liquidated')}
        </Alert>
      ) : result === 'found' ? (
        <Alert color="teal" variant="light" role="status">
          {t('lookup.found')}
        </Alert>
      ) : result === 'not_found' ? (
        <Alert color="yellow" variant="light" role="status">
          {t('lookup.notFound')}
        </Alert>
      ) : (
        <Alert color="yellow" variant="light" role="status">
          {t('lookup.unavailable')}
        </Alert>
      )}
    </>
  );
}
