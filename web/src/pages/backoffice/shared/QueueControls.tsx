import { Alert, Button, Center, Checkbox, Group, Loader, SegmentedControl, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/forms/FormError';
import type { Selection } from './queue';

interface QueueTabsProps<Tab extends string> {
  label: string;
  value: Tab;
  /** Each tab with its count once the server has said it. */
  tabs: Array<{ value: Tab; label: string; count?: number }>;
  onChange: (tab: Tab) => void;
}

/** A queue's tabs with how many items each holds: «На модерации (3)». */
export function QueueTabs<Tab extends string>({ label, value, tabs, onChange }: QueueTabsProps<Tab>) {
  return (
    <SegmentedControl
      aria-label={label}
      value={value}
      onChange={(next) => onChange(next as Tab)}
      data={tabs.map((tab) => ({ value: tab.value, label: tab.count === undefined ? tab.label : `${tab.label} (${tab.count})` }))}
      w="fit-content"
      style={{ maxWidth: '100%', overflowX: 'auto' }}
    />
  );
}

/** The header's checkbox: ticks or clears every row that can be ticked. */
export function SelectAllCheckbox({ label, keys, selection }: { label: string; keys: string[]; selection: Selection }) {
  const all = keys.length > 0 && keys.every(selection.has);
  return (
    <Checkbox
      aria-label={label}
      checked={all}
      indeterminate={!all && keys.some(selection.has)}
      onChange={(event) => selection.set(event.currentTarget.checked ? keys : [])}
    />
  );
}

interface BulkActionBarProps {
  count: number;
  /** The button. */
  label: string;
  mutation: { isPending: boolean; error: Error | null; reset: () => void };
  onRun: () => void;
  /** What the server answered: each item is decided on its own, so some may fail. */
  outcome?: { text: string; failed: boolean };
}

/** «Выбрано: N» with the bulk action for the ticked rows, and how it went. */
export function BulkActionBar({ count, label, mutation, onRun, outcome }: BulkActionBarProps) {
  const { t } = useTranslation();
  return (
    <>
      <Group gap="sm">
        <Text size="sm" c="dimmed">
          {t('common.selected', { count })}
        </Text>
        <Button size="sm" disabled={count === 0} loading={mutation.isPending} onClick={onRun}>
          {label}
        </Button>
      </Group>
      <FormError error={mutation.error} />
      {outcome && (
        <Alert color={outcome.failed ? 'orange' : 'teal'} variant="light" role="status" withCloseButton onClose={mutation.reset}>
          {outcome.text}
        </Alert>
      )}
    </>
  );
}

interface QueueTableProps {
  /** The table's name: the tab it shows. */
  label: string;
  minWidth: number;
  loading: boolean;
  /** What to say instead of the table when there is nothing to show. */
  empty?: string;
  columns: string[];
  /** The select-all checkbox, on the tabs whose rows can be ticked. */
  selectAll?: ReactNode;
  /** The rows. */
  children: ReactNode;
}

/** A queue's table, or what stands in its place while it loads or when it is empty. */
export function QueueTable({ label, minWidth, loading, empty, columns, selectAll, children }: QueueTableProps) {
  const { t } = useTranslation();
  if (loading) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (empty !== undefined) return <Text>{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="sm" striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {selectAll && <Table.Th w={40}>{selectAll}</Table.Th>}
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
