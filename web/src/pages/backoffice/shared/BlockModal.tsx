import { useTranslation } from 'react-i18next';
import { ReasonModal, type ReasonModalProps } from '../../../components/ReasonModal';

type BlockModalProps = Omit<ReasonModalProps, 'hint' | 'requiredMessage' | 'confirmLabel'> & {
  /** The red button; blocking by default. */
  confirmLabel?: string;
};

/** Blocking a person: the reason is mailed to them and stays in the audit log. */
export function BlockModal({ confirmLabel, ...props }: BlockModalProps) {
  const { t } = useTranslation();
  return (
    <ReasonModal
      hint={t('backoffice.block.reasonHint')}
      requiredMessage={t('backoffice.block.reasonRequired')}
      confirmLabel={confirmLabel ?? t('backoffice.block.confirm')}
      {...props}
    />
  );
}
