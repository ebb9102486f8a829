import { Anchor, Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../../app/paths';

/** «Юридическое лицо? Зарегистрируйтесь по коду абонента» — on the sign-in page and «Юр. лицам». */
export function SubscriberCodeLink(props: TextProps) {
  const { t } = useTranslation('subscribers');
  return (
    <Text size="sm" {...props}>
      {t('link.prefix')}{' '}
      <Anchor component={Link} to={paths.businessSubscriber}>
        {t('link.register')}
      </Anchor>
    </Text>
  );
}
