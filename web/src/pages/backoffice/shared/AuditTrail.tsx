import { Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useFormatDateTime } from '../../../app/format';

/** The reason a decision was taken with, if the audit entry's details hold one. */
export function reasonOf(details: Record<string, unknown>): string | undefined {
  const reason = details.reason;
  return typeof reason === 'string' && reason ? reason : undefined;
}

export interface AuditRow {
  id: string;
  at: string;
  /** What happened, in the reader's words. */
  event: string;
  /** Under the event: the reason given, or another detail. */
  note?: string;
  by: string;
  ip?: string | null;
}

interface AuditTableProps {
  /** The heading's id; it names the table too. */
  id: string;
  title: string;
  order: 2 | 3;
  intro?: string;
  empty: string;
  /** The column headings; the IP address column is shown when it has one. */
  columns: { at: string; event: string; by: string; ip?: string };
  minWidth: number;
  rows: AuditRow[];
}

/** A page's audit log as a table, newest first as the server sends it: when, what (and why), who. */
export function AuditTable({ id, title, order, intro, empty, columns, minWidth, rows }: AuditTableProps) {
  const formatDateTime = useFormatDateTime();

  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={order} size="h4" id={id}>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      )}
      {rows.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped aria-labelledby={id}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{columns.at}</Table.Th>
                <Table.Th>{columns.event}</Table.Th>
                <Table.Th>{columns.by}</Table.Th>
                {columns.ip && <Table.Th>{columns.ip}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.at)}</Table.Td>
                  <Table.Td>
                    {row.event}
                    {row.note && (
                      <Text size="xs" c="dimmed">
                        {row.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{row.by}</Table.Td>
                  {columns.ip && <Table.Td>{row.ip ?? '—'}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export interface TimelineEntry {
  id: string;
  at: string;
  title: string;
  by?: string | null;
  ip?: string | null;
  /** Lines under the entry: the reason given, an attached file. */
  notes: Array<string | false | null | undefined>;
}

/** A decision trail in a drawer: each step with its time, who took it and from where. */
export function AuditTimeline({ id, title, entries }: { id: string; title: string; entries: TimelineEntry[] }) {
  const formatDateTime = useFormatDateTime();

  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="sm">
        {title}
      </Title>
      <Timeline bulletSize={12} lineWidth={2}>
        {entries.map((entry) => (
          <Timeline.Item key={entry.id} title={entry.title}>
            <Text size="xs" c="dimmed">
              {[formatDateTime(entry.at), entry.by, entry.ip].filter(Boolean).join(' · ')}
            </Text>
            {entry.notes.filter(Boolean).map((note, index) => (
              <Text key={index} size="sm">
                {note}
              </Text>
            ))}
          </Timeline.Item>
        ))}
      </Timeline>
    </section>
  );
}
