import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StaffProfile } from '../../../../api/family';
import { useFormatDateTime } from '../../../../app/format';

type ProfileCode = StaffProfile['codes'][number];

const stateColor: Record<ProfileCode['state'], string> = { live: 'teal', used: 'blue', expired: 'gray', replaced: 'gray' };

/** Codes issued for the profile: when, by whom, what became of them — never the codes themselves. */
export function ProfileCodes({ codes }: { codes: ProfileCode[] }) {
  const { t } = useTranslation('family');
  const formatDateTime = useFormatDateTime();

  return (
    <Stack gap="sm" component="section" aria-labelledby="profile-codes-heading">
      <Title order={2} size="h4" id="profile-codes-heading">
        {t('backoffice.codes')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('backoffice.codesIntro')}
      </Text>
      {codes.length === 0 ? (
        <Text>{t('backoffice.codesEmpty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-labelledby="profile-codes-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backoffice.code.issued')}</Table.Th>
                <Table.Th>{t('backoffice.code.by')}</Table.Th>
                <Table.Th>{t('backoffice.code.purpose')}</Table.Th>
                <Table.Th>{t('backoffice.code.state')}</Table.Th>
                <Table.Th>{t('backoffice.code.expires')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {codes.map((code) => (
                <Table.Tr key={code.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(code.issuedAt)}</Table.Td>
                  <Table.Td>{code.issuedBy.name}</Table.Td>
                  <Table.Td>{t(`backoffice.purpose.${code.purpose}`)}</Table.Td>
                  <Table.Td>
                    <Badge color={stateColor[code.state]} variant="light">
                      {t(`backoffice.codeState.${code.state}`)}
                    </Badge>
                    {code.usedAt && code.usedBy && (
                      <Text size="xs" c="dimmed">
                        {t('backoffice.code.usedBy', { at: formatDateTime(code.usedAt), name: code.usedBy.name })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(code.expiresAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
