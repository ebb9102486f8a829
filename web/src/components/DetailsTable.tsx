import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface DetailsRow {
  label: string;
  value: ReactNode;
  /** Shown in bold: a total, the figure that matters. */
  strong?: boolean;
}

interface DetailsTableProps {
  rows: DetailsRow[];
  /** The labels' column width, e.g. '40%'. */
  labelWidth: string;
  'aria-label'?: string;
}

/** Label and value pairs, a pair a row, labels dimmed on the left (an account's details, a payment's terms). */
export function DetailsTable({ rows, labelWidth, 'aria-label': ariaLabel }: DetailsTableProps) {
  return (
    <Table variant="vertical" withRowBorders={false} aria-label={ariaLabel}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label}>
            <Table.Th w={labelWidth}>
              <Text size="sm" c="dimmed">
                {row.label}
              </Text>
            </Table.Th>
            <Table.Td fw={row.strong ? 700 : undefined}>{row.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
