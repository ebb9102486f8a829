import { Button, Checkbox, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../../api/problem';
import { useSavePlan, useSaveService, type AddonService, type TariffPlan } from '../../../../api/tariffs';
import { FormError } from '../../../../components/forms/FormError';

const accountKinds = ['internet', 'water', 'acquiring', 'trade'] as const;
type AccountKind = (typeof accountKinds)[number];
const CODE = /^[a-z0-9][a-z0-9_-]{1,39}$/;
const RUBLES = /^\d{1,9}([.,]\d{1,2})?$/;
const fields = ['code', 'name', 'description', 'accountKind', 'monthlyPrice', 'selfService', 'immediateChange'] as const;

/** Rubles as typed («600», «600,50») to whole kopecks; null when it is not an amount. */
export function toKopecks(rubles: string): number | null {
  const value = rubles.trim().replace(/\s/g, '');
  if (!RUBLES.test(value)) return null;
  const [whole, fraction = ''] = value.split(/[.,]/) as [string, string?];
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

function toRubles(kopecks: number): string {
  return kopecks % 100 === 0 ? String(kopecks / 100) : `${Math.floor(kopecks / 100)},${String(kopecks % 100).padStart(2, '0')}`;
}

type Props =
  | { kind: 'plans'; item: TariffPlan | null; onClose: () => void }
  | { kind: 'services'; item: AddonService | null; onClose: () => void };

/** Creates or edits a plan or a service; the code and the kind of account are fixed once created. */
export function CatalogFormModal(props: Props) {
  const { t } = useTranslation('tariffs');
  const { t: tc } = useTranslation();
  const { t: ta } = useTranslation('accounts');
  const savePlan = useSavePlan();
  const saveService = useSaveService();
  const save = props.kind === 'plans' ? savePlan : saveService;
  const item = props.item;
  const [values, setValues] = useState({
    code: item?.code ?? '',
    name: item?.name ?? '',
    description: item?.description ?? '',
    accountKind: (item?.accountKind ?? 'internet') as AccountKind,
    price: item ? toRubles(item.monthlyPrice) : '',
    selfService: item?.selfService ?? true,
    immediateChange: props.kind === 'plans' ? (props.item?.immediateChange ?? false) : false,
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrorsOf(save.error);
  const errors = { ...server, ...local };

  function submit(event: FormEvent) {
    event.preventDefault();
    const price = toKopecks(values.price);
    const found: Record<string, string> = {};
    if (!item && !CODE.test(values.code.trim())) found.code = t('backoffice.badCode');
    if (values.name.trim() === '') found.name = t('backoffice.required');
    if (price === null) found.monthlyPrice = t('backoffice.badPrice');
    setLocal(found);
    if (Object.keys(found).length > 0 || price === null) return;
    const common = { name: values.name.trim(), description: values.description.trim() || null, monthlyPrice: price, selfService: values.selfService };
    const code = item?.code ?? values.code.trim();
    const onSuccess = () => props.onClose();
    if (props.kind === 'plans') {
      const update = { ...common, immediateChange: values.immediateChange };
      savePlan.mutate({ code, create: item ? null : { ...update, code, accountKind: values.accountKind }, update }, { onSuccess });
    } else {
      saveService.mutate({ code, create: item ? null : { ...common, code, accountKind: values.accountKind }, update: common }, { onSuccess });
    }
  }

  const title = item ? t('backoffice.editTitle', { name: item.name }) : props.kind === 'plans' ? t('backoffice.newPlan') : t('backoffice.newService');
  return (
    <Modal opened onClose={props.onClose} title={title} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={save.error} fields={fields} />
          <TextInput
            label={t('backoffice.code')}
            description={t('backoffice.codeHint')}
            required
            disabled={item !== null}
            maxLength={40}
            autoComplete="off"
            value={values.code}
            onChange={(event) => setValues({ ...values, code: event.currentTarget.value })}
            error={errors.code}
          />
          <TextInput
            label={t('backoffice.name')}
            required
            maxLength={120}
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
            error={errors.name}
          />
          <Textarea
            label={t('backoffice.description')}
            maxLength={2000}
            autosize
            minRows={2}
            value={values.description}
            onChange={(event) => setValues({ ...values, description: event.currentTarget.value })}
            error={errors.description}
          />
          <NativeSelect
            label={t('backoffice.accountKind')}
            disabled={item !== null}
            value={values.accountKind}
            data={accountKinds.map((kind) => ({ value: kind, label: ta(`kind.${kind}`) }))}
            onChange={(event) => {
              const kind = accountKinds.find((candidate) => candidate === event.currentTarget.value);
              if (kind) setValues({ ...values, accountKind: kind });
            }}
            error={errors.accountKind}
          />
          <TextInput
            label={t('backoffice.price')}
            required
            inputMode="decimal"
            autoComplete="off"
            value={values.price}
            onChange={(event) => setValues({ ...values, price: event.currentTarget.value })}
            error={errors.monthlyPrice}
          />
          <Checkbox label={t('backoffice.selfService')} checked={values.selfService} onChange={(event) => setValues({ ...values, selfService: event.currentTarget.checked })} />
          {props.kind === 'plans' && (
            <Checkbox
              label={t('backoffice.immediateChange')}
              description={t('backoffice.immediateChangeHint')}
              checked={values.immediateChange}
              onChange={(event) => setValues({ ...values, immediateChange: event.currentTarget.checked })}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('backoffice.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
