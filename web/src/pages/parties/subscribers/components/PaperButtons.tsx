import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { paperUrl, papers } from '../../../../api/subscribers';

/** The two papers to print, sign and bring: «Соглашение о расчетах» and «Заявка на доступ». */
export function PaperButtons({ customerId }: { customerId: string }) {
  const { t } = useTranslation('subscribers');
  return (
    <Group gap="sm">
      {papers.map((paper) => (
        <Button key={paper} component="a" href={paperUrl(customerId, paper)} download variant="light">
          {t('papers.download', { title: t(`papers.${paper}`) })}
        </Button>
      ))}
    </Group>
  );
}
