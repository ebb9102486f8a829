import { Alert, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiTokens, useRevokeApiToken, type ApiToken } from '../../../../api/integration';
import { useFormatDateTime } from '../../../../app/format';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import { CreateTokenModal } from './CreateTokenModal';
import { DataTable } from '../../../../components/DataTable';

const statusColor = { active: 'teal', revoked: 'gray', expired: 'orange' } as const;

export function TokensSection() {
  const { t } = useTranslation('integration');
  const { t: tc } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  if (tokens.isError) throw tokens.error;
  const when = (value: string | null | undefined, empty: string) => (value ? formatDateTime(value) : empty);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Button onClick={() => setCreating(true)}>{t('tokens.create')}</Button>
      </Group>
      {revoked && (
        <Alert color="teal" variant="light" role="status" withCloseButton onClose={() => setRevoked(null)}>
          {t('tokens.revoked', { name: revoked })}
        </Alert>
      )}
      {tokens.isPending ? (
        <Loader aria-label={tc('common.loading')} />
      ) : tokens.data.items.length === 0 ? (
        <Text c="dimmed">{t('tokens.empty')}</Text>
      ) : (
        <DataTable
          aria-label={t('tokens.listLabel')}
          minWidth={900}
          verticalSpacing="sm"
          columns={[
            t('tokens.columns.name'),
            t('tokens.columns.token'),
            t('tokens.columns.scopes'),
            t('tokens.columns.status'),
            t('tokens.columns.created'),
            t('tokens.columns.lastUsed'),
            t('tokens.columns.expires'),
            t('tokens.columns.actions'),
          ]}
        >
          {tokens.data.items.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>{token.name}</Table.Td>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {token.hint}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {token.scopes.map((scope) => (
                    <Badge key={scope} variant="light" size="sm" tt="none">
                      {scope}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Badge color={statusColor[token.status]} variant="light">
                  {t(`tokens.status.${token.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
              <Table.Td>{when(token.lastUsedAt, t('tokens.never'))}</Table.Td>
              <Table.Td>{when(token.expiresAt, t('tokens.noExpiry'))}</Table.Td>
              <Table.Td>
                {token.status === 'active' && (
                  <Button size="compact-sm" variant="light" color="red" onClick={() => setRevoking(token)}>
                    {t('tokens.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      {creating && <CreateTokenModal onClose={() => setCreating(false)} />}
      {revoking && (
        <ConfirmModal
          title={t('tokens.revokeTitle', { name: revoking.name })}
          text={t('tokens.revokeText')}
          confirmLabel={t('tokens.revoke')}
          color="red"
          pending={revoke.isPending}
          error={revoke.error}
          onConfirm={() =>
            revoke.mutate(revoking.id, {
              onSuccess: () => {
                setRevoked(revoking.name);
                setRevoking(null);
              },
            })
          }
          onClose={() => {
            revoke.reset();
            setRevoking(null);
          }}
        />
      )}
    </Stack>
  );
}
