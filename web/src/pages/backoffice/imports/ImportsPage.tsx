import '@mantine/dropzone/styles.css';
import { Button, Group, Paper, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importKinds, useUploadImport, type ImportKind } from '../../../api/imports';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { ImportDrop } from './components/ImportDrop';
import { ImportReportView } from './components/ImportReportView';

/** The columns of each kind's file, as the server names them (* required). */
const COLUMNS: Record<ImportKind, string> = {
  customers: 'external_id*, customer_kind*, customer_name*, inn, kpp, email',
  contracts: 'number*, customer_external_id | customer_kind + customer_name + inn + kpp + email, signed_on, status',
  accounts: 'number*, kind*, customer_external_id | customer_kind + customer_name + inn + kpp + email, subscriber_code, contract_number, address, block_threshold',
  charges: 'external_id*, account_number*, amount*, charge_type*, service_code, period, description, occurred_at*',
  payments: 'external_id*, account_number*, amount*, description, occurred_at*',
  corrections: 'external_id*, account_number*, amount*, description, occurred_at*',
  usage: 'account_number*, day*, metric*, quantity*',
};

/**
 * Administrators and accountants: the billing's data as a CSV or XLSX file — choose the kind, drop
 * the file, watch it upload, then read the report (and download its errors).
 */
export function ImportsPage() {
  const { t } = useTranslation('integration');
  const { t: tc } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('charges');
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadImport();
  const percent = upload.progress && upload.progress.total > 0 ? Math.round((upload.progress.sent / upload.progress.total) * 100) : 0;
  const sent = upload.progress !== null && upload.progress.sent >= upload.progress.total;

  const reset = () => {
    upload.reset();
    setFile(null);
  };

  return (
    <Stack gap="lg" maw={960}>
      <PageTitle>{`${t('import.title')} — ${tc('backoffice.title')}`}</PageTitle>
      <Title order={2} size="h3">
        {t('import.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('import.intro')}
      </Text>

      <Stack gap="xs">
        <Text fw={500} size="sm" id="import-kind-label">
          {t('import.kind')}
        </Text>
        <SegmentedControl
          aria-labelledby="import-kind-label"
          value={kind}
          onChange={(value) => {
            setKind(value as ImportKind);
            if (upload.isSuccess || upload.isError) upload.reset();
          }}
          disabled={upload.isPending}
          data={importKinds.map((value) => ({ value, label: t(`import.kinds.${value}`) }))}
          style={{ flexWrap: 'wrap' }}
        />
        <Paper withBorder p="sm" radius="md">
          <Text size="sm">{t(`import.hints.${kind}`)}</Text>
          <Text size="xs" c="dimmed" mt={6}>
            {t('import.columns')}:
          </Text>
          <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {COLUMNS[kind]}
          </Text>
        </Paper>
      </Stack>

      {!upload.isSuccess && (
        <Stack gap="sm">
          <ImportDrop file={file} onFile={setFile} disabled={upload.isPending} />
          {upload.isPending && (
            <Stack gap={4} aria-live="polite">
              <Progress value={sent ? 100 : percent} striped={sent} animated={sent} aria-label={t('import.uploading', { percent })} />
              <Text size="sm" c="dimmed">
                {sent ? t('import.processing') : t('import.uploading', { percent })}
              </Text>
            </Stack>
          )}
          {upload.isError && <ApiErrorAlert error={upload.error} title={t('import.failed')} />}
          <Group>
            <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate({ kind, file })}>
              {t('import.upload')}
            </Button>
          </Group>
        </Stack>
      )}

      {upload.isSuccess && (
        <Stack gap="md">
          <ImportReportView report={upload.data} />
          <Group>
            <Button variant="default" onClick={reset}>
              {t('import.another')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
