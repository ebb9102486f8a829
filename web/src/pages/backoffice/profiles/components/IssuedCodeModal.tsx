import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IssuedCode } from '../../../../api/family';
import { useFormatDate, useFormatDateTime } from '../../../../app/format';

/**
 * The code, shown this once. Printing opens a bare page with only the code and the profile, so
 * nothing else of the back office ends up on paper handed to a visitor.
 */
export function IssuedCodeModal({ issued, onClose }: { issued: IssuedCode; onClose: () => void }) {
  const { t } = useTranslation('family');
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const expires = t('backoffice.issued.expires', { at: formatDateTime(issued.expiresAt) });
  const use = issued.purpose === 'takeover' ? t('backoffice.issued.takeoverUse') : t('backoffice.issued.verificationUse');
  const profileLine = t('backoffice.issued.printProfile', { name: issued.profile.name, date: issued.profile.birthDate ? formatDate(issued.profile.birthDate) : '—' });

  function print() {
    const page = window.open('', '_blank', 'width=640,height=480');
    if (!page) return;
    const doc = page.document;
    doc.title = t('backoffice.issued.printHeading');
    const add = (tag: string, text: string, style = '') => {
      const element = doc.createElement(tag);
      element.textContent = text;
      if (style) element.setAttribute('style', style);
      doc.body.append(element);
    };
    doc.body.setAttribute('style', 'font-family: sans-serif; padding: 24px');
    add('h1', t('backoffice.issued.printHeading'), 'font-size: 20px');
    add('p', profileLine);
    add('p', issued.code, 'font-family: monospace; font-size: 32px; letter-spacing: 4px; font-weight: bold');
    add('p', use);
    add('p', t('backoffice.issued.printExpires', { at: formatDateTime(issued.expiresAt) }));
    page.focus();
    page.print();
  }

  return (
    <Modal opened onClose={onClose} title={t('backoffice.issued.title', { name: issued.profile.name })} centered closeOnClickOutside={false}>
      <Stack gap="md">
        <Text size="sm" fw={600}>
          {t('backoffice.issued.once')}
        </Text>
        <Code block fz={28} ta="center" style={{ letterSpacing: '0.15em' }} aria-label={t('redeem.code')}>
          {issued.code}
        </Code>
        <Text size="sm">{profileLine}</Text>
        <Text size="sm">{use}</Text>
        <Text size="sm" c="dimmed">
          {expires}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={print}>
            {t('backoffice.issued.print')}
          </Button>
          <Button onClick={onClose}>{t('backoffice.issued.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
