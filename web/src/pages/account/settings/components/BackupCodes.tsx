import { Alert, Button, CopyButton, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface BackupCodesProps {
  codes: string[];
  onDone: () => void;
}

/** Backup codes are shown this once: the server keeps only their hashes. */
export function BackupCodes({ codes, onDone }: BackupCodesProps) {
  const { t } = useTranslation();
  const text = codes.join('\n');

  function download() {
    const url = URL.createObjectURL(new Blob([`${t('settings.twoFactor.backupFileHeader')}\n\n${text}\n`], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'backup-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <Alert color="yellow" variant="light" title={t('settings.twoFactor.backupTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('settings.twoFactor.backupText')}</Text>
        <List aria-label={t('settings.twoFactor.backupTitle')} ff="monospace" spacing={2}>
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
        <Group gap="sm">
          <CopyButton value={text}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? t('settings.twoFactor.copied') : t('settings.twoFactor.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="light" onClick={download}>
            {t('settings.twoFactor.download')}
          </Button>
          <Button onClick={onDone}>{t('settings.twoFactor.backupDone')}</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
