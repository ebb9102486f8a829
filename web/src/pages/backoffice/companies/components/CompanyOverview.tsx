import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApproveCompany, useDecideWithReason, useUnblockCompany, type CompanyDetail } from '../../../../api/companies';
import { useFormatDateTime } from '../../../../app/format';
import { backofficeUserPath } from '../../../../app/paths';
import { ApiErrorAlert } from '../../../../components/ApiErrorAlert';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import { ReasonModal } from '../../../../components/ReasonModal';
import { CompanyStatusBadge, RegistryBadge } from './Badges';

type Dialog = 'reject' | 'block' | 'unblock' | null;

/** The company's status with the decisions open to it, and its details. */
export function CompanyOverview({ company }: { company: CompanyDetail }) {
  const { t } = useTranslation('companies');
  const formatDateTime = useFormatDateTime();
  const approve = useApproveCompany();
  const reject = useDecideWithReason('reject');
  const block = useDecideWithReason('block');
  const unblock = useUnblockCompany();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => {
    setDialog(null);
    reject.reset();
    block.reset();
    unblock.reset();
  };

  const rows: Array<[string, string | null]> = [
    [t('company.kind'), t(`kindsShort.${company.kind}`)],
    [t('company.inn'), company.inn],
    [t('company.kpp'), company.kpp],
    [t('company.ogrn'), company.ogrn],
    [t('company.shortName'), company.shortName],
    [t('company.legalAddress'), company.legalAddress],
    [t('company.head'), [company.headName, company.headTitle].filter(Boolean).join(', ') || null],
    [t('company.email'), company.email],
    [t('company.phone'), company.phone],
    [t('company.createdAt'), formatDateTime(company.createdAt)],
  ];

  return (
    <Stack gap="md" component="section" aria-labelledby="company-heading">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6} miw={0}>
          <Title order={2} id="company-heading" style={{ overflowWrap: 'anywhere' }}>
            {company.name}
          </Title>
          <Group gap="xs">
            <CompanyStatusBadge status={company.status} />
            <RegistryBadge check={company.registryCheck} />
          </Group>
        </Stack>
        <Group gap="sm">
          {company.status === 'pending' && (
            <>
              <Button loading={approve.isPending} onClick={() => approve.mutate(company.id)}>
                {t('company.approve')}
              </Button>
              <Button color="red" variant="light" onClick={() => setDialog('reject')}>
                {t('company.reject')}
              </Button>
            </>
          )}
          {company.status === 'active' && (
            <Button color="red" variant="light" onClick={() => setDialog('block')}>
              {t('company.block')}
            </Button>
          )}
          {company.status === 'blocked' && (
            <Button variant="light" onClick={() => setDialog('unblock')}>
              {t('company.unblock')}
            </Button>
          )}
        </Group>
      </Group>
      {approve.error && <ApiErrorAlert error={approve.error} title={t('company.approve')} />}
      {company.statusReason && (company.status === 'rejected' || company.status === 'blocked') && (
        <Alert color={company.status === 'blocked' ? 'red' : 'gray'} variant="light" title={t(`status.${company.status}`)}>
          {t('company.statusReason', { reason: company.statusReason })}
        </Alert>
      )}

      <Title order={3} size="h4">
        {t('company.details')}
      </Title>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={220}>{label}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{value || t('company.empty')}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th w={220}>{t('company.registrant')}</Table.Th>
            <Table.Td>
              {company.registrant ? (
                <Text size="sm">
                  <Anchor component={Link} to={backofficeUserPath(company.registrant.id)}>
                    {company.registrant.name}
                  </Anchor>{' '}
                  · {company.registrant.email}
                </Text>
              ) : (
                t('company.empty')
              )}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>

      {dialog === 'reject' && (
        <ReasonModal
          title={t('company.rejectTitle', { name: company.name })}
          text={t('company.rejectText')}
          hint={t('company.reasonHint')}
          confirmLabel={t('company.reject')}
          pending={reject.isPending}
          error={reject.error}
          onConfirm={(reason) => reject.mutate({ id: company.id, reason }, { onSuccess: close })}
          onClose={close}
        />
      )}
      {dialog === 'block' && (
        <ReasonModal
          title={t('company.blockTitle', { name: company.name })}
          text={t('company.blockText')}
          hint={t('company.reasonHint')}
          confirmLabel={t('company.block')}
          pending={block.isPending}
          error={block.error}
          onConfirm={(reason) => block.mutate({ id: company.id, reason }, { onSuccess: close })}
          onClose={close}
        />
      )}
      {dialog === 'unblock' && (
        <ConfirmModal
          title={t('company.unblockTitle', { name: company.name })}
          text={t('company.unblockText')}
          confirmLabel={t('company.unblock')}
          pending={unblock.isPending}
          error={unblock.error}
          onConfirm={() => unblock.mutate(company.id, { onSuccess: close })}
          onClose={close}
        />
      )}
    </Stack>
  );
}
