import { Button, Menu, type ButtonProps } from '@mantine/core';
import type { ExportFormat } from '../../../api/ledger';

interface DownloadMenuProps {
  label: string;
  variant: ButtonProps['variant'];
  /** The file's address in each format. */
  href: (format: ExportFormat) => string;
  xlsxLabel: string;
  csvLabel: string;
}

/** «Скачать» with the XLSX and CSV files of what is shown (the operations, the statement). */
export function DownloadMenu({ label, variant, href, xlsxLabel, csvLabel }: DownloadMenuProps) {
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant={variant} size="xs">
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={href('xlsx')} download>
          {xlsxLabel}
        </Menu.Item>
        <Menu.Item component="a" href={href('csv')} download>
          {csvLabel}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
