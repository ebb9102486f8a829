import { Table, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column's header: its text, or the text aligned right (amounts); false leaves the column out. */
export type DataTableColumn = string | { label: string; align: 'right' } | false;

interface DataTableProps {
  'aria-label': string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  columns: DataTableColumn[];
  verticalSpacing?: MantineSpacing;
  /** The rows: <Table.Tr>s. */
  children: ReactNode;
}

/** The striped list table used across the cabinet and the back office, with its header row and sideways scrolling. */
export function DataTable({ 'aria-label': ariaLabel, minWidth, columns, verticalSpacing, children }: DataTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped verticalSpacing={verticalSpacing} aria-label={ariaLabel}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) =>
              column === false ? null : typeof column === 'string' ? (
                <Table.Th key={index}>{column}</Table.Th>
              ) : (
                <Table.Th key={index} ta={column.align}>
                  {column.label}
                </Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
