import { Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_BYTES } from '../../../../api/imports';

/** What a spreadsheet program names its CSV and XLSX files; the server reads the bytes anyway. */
const ACCEPT = {
  'text/csv': ['.csv'],
  'text/plain': ['.csv', '.txt'],
  'application/vnd.ms-excel': ['.csv'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

interface ImportDropProps {
  file: File | null;
  onFile: (file: File | null) => void;
  disabled?: boolean;
}

/** One CSV or XLSX file of at most 50 MB, dropped or chosen. */
export function ImportDrop({ file, onFile, disabled }: ImportDropProps) {
  const { t } = useTranslation('integration');
  const [rejected, setRejected] = useState(false);
  return (
    <Stack gap={4}>
      <Dropzone
        onDrop={(files) => {
          setRejected(false);
          onFile(files[0] ?? null);
        }}
        onReject={() => {
          setRejected(true);
          onFile(null);
        }}
        accept={ACCEPT}
        maxSize={IMPORT_MAX_BYTES}
        multiple={false}
        disabled={disabled}
        aria-label={t('import.drop')}
      >
        <Stack align="center" justify="center" mih={120} gap={4} style={{ pointerEvents: 'none' }}>
          <Dropzone.Reject>
            <Text c="red">{t('import.rejected')}</Text>
          </Dropzone.Reject>
          <Dropzone.Idle>
            <Text>{t('import.drop')}</Text>
          </Dropzone.Idle>
          <Dropzone.Accept>
            <Text>{t('import.drop')}</Text>
          </Dropzone.Accept>
          <Text size="sm" c="dimmed">
            {t('import.dropHint')}
          </Text>
        </Stack>
      </Dropzone>
      {rejected && (
        <Text size="sm" c="red" role="alert">
          {t('import.rejected')}
        </Text>
      )}
      {file && (
        <Text size="sm" data-testid="import-file">
          {t('import.chosen', { name: file.name, size: (file.size / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 2 }) })}
        </Text>
      )}
    </Stack>
  );
}
