import { Button, Card, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useReportHacked } from '../../../../api/account';
import { paths } from '../../../../app/paths';
import { FormError } from '../../../../components/forms/FormError';

/** The emergency exit: every session ends at once and the way back in is password recovery. */
export function HackedTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const report = useReportHacked();
  const [comment, setComment] = useState('');
  const [confirming, confirmation] = useDisclosure(false);

  // Not a `mutate` callback: the ended session unmounts this page, and those callbacks die with it.
  async function send() {
    await report.mutateAsync(comment.trim());
    await navigate(paths.recovery, { replace: true, state: { notice: 'hacked' } });
  }

  return (
    <Card withBorder padding="lg" maw={640} style={{ borderColor: 'var(--mantine-color-red-6)' }}>
      <Stack gap="md">
        <Title order={2} size="h4" c="red.8">
          {t('settings.hacked.title')}
        </Title>
        <Text>{t('settings.hacked.intro')}</Text>
        <List spacing={4} size="sm">
          <List.Item>{t('settings.hacked.step1')}</List.Item>
          <List.Item>{t('settings.hacked.step2')}</List.Item>
          <List.Item>{t('settings.hacked.step3')}</List.Item>
        </List>
        <Textarea
          label={t('settings.hacked.comment')}
          description={t('settings.hacked.commentHint')}
          maxLength={2000}
          autosize
          minRows={3}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
        />
        <Button color="red" w="fit-content" onClick={confirmation.open}>
          {t('settings.hacked.action')}
        </Button>
      </Stack>
      <Modal opened={confirming} onClose={confirmation.close} title={t('settings.hacked.confirmTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{t('settings.hacked.confirmText')}</Text>
          <FormError error={report.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={confirmation.close}>
              {t('common.cancel')}
            </Button>
            {/* A failure shows in the FormError above, from the mutation's state. */}
            <Button color="red" loading={report.isPending} onClick={() => void send().catch(() => undefined)}>
              {t('settings.hacked.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
