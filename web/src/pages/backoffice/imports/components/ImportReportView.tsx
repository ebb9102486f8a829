import { Alert, Button, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemsCsv, type ImportReport } from '../../../../api/imports';
import { DataTable } from '../../../../components/DataTable';

const SHOWN = 200;

/** The upload's counts and its invalid rows with their line and reasons; the errors download as CSV. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation('integration');
  const number = (value: number) => value.toLocaleString(i18n.language);
  const counts = (['received', 'added', 'updated', 'unchanged', 'invalid'] as const).map((key) => ({ key, value: report[key] }));
  const rows = report.problems.slice(0, SHOWN).flatMap((problem) => problem.errors.map((error, at) => ({ key: `${problem.index}-${at}`, line: problem.line ?? problem.index + 1, error })));

  const download = () => {
    const url = URL.createObjectURL(problemsCsv(report, { line: t('import.report.line'), field: t('import.report.field'), reason: t('import.report.reason') }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${t('import.report.fileName')}-${report.kind}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack gap="md" aria-live="polite">
      <Title order={3} size="h4">
        {t('import.report.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {counts.map(({ key, value }) => (
          <Paper key={key} withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed">
              {t(`import.report.${key}`)}
            </Text>
            <Text size="xl" fw={600} c={key === 'invalid' && value > 0 ? 'red' : undefined} data-testid={`import-${key}`}>
              {number(value)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {report.invalid === 0 ? (
        <Alert color="green" variant="light">
          {t('import.report.allLoaded')}
        </Alert>
      ) : (
        <Alert color="yellow" variant="light">
          {t('import.report.someInvalid')}
        </Alert>
      )}
      {report.problems.length > 0 && (
        <Stack gap="xs">
          <DataTable
            aria-label={t('import.report.invalid')}
            minWidth={560}
            verticalSpacing="xs"
            columns={[t('import.report.line'), t('import.report.field'), t('import.report.reason')]}
          >
            {rows.map(({ key, line, error }) => (
              <Table.Tr key={key}>
                <Table.Td>{number(line)}</Table.Td>
                <Table.Td ff="monospace">{error.field}</Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          {report.invalid > Math.min(report.problems.length, SHOWN) && (
            <Text size="sm" c="dimmed">
              {t('import.report.truncated', { shown: number(Math.min(report.problems.length, SHOWN)), total: number(report.invalid) })}
            </Text>
          )}
          <div>
            <Button variant="light" onClick={download}>
              {t('import.report.download')}
            </Button>
          </div>
        </Stack>
      )}
    </Stack>
  );
}
