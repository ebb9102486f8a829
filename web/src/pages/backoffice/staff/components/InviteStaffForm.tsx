import { Alert, Anchor, Button, Card, CopyButton, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { staffRoles, useInviteStaff, type StaffCreated, type StaffRole } from '../../../../api/backoffice';
import { fieldErrorsOf } from '../../../../api/problem';
import { FormError } from '../../../../components/forms/FormError';

const empty = { name: '', email: '', role: 'operator' as StaffRole };
const fields = ['name', 'email', 'role'] as const;

export function InviteStaffForm() {
  const { t } = useTranslation();
  const invite = useInviteStaff();
  const [values, setValues] = useState(empty);
  const [invited, setInvited] = useState<StaffCreated | null>(null);
  const errors = fieldErrorsOf(invite.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    setInvited(null);
    invite.mutate(
      { name: values.name.trim(), email: values.email.trim(), role: values.role },
      {
        onSuccess: (result) => {
          setInvited(result);
          setValues(empty);
        },
      },
    );
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="invite-heading">
      <Title order={2} size="h4" id="invite-heading" mb="xs">
        {t('backoffice.staff.inviteTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('backoffice.staff.inviteIntro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={invite.error} fields={fields} />
          {invited && (
            <Alert color="teal" variant="light" role="status" title={t('backoffice.staff.invited', { name: invited.member.name })}>
              <Stack gap="xs">
                <Text size="sm">{t('backoffice.staff.invitedText', { email: invited.member.email })}</Text>
                <Group gap="xs" wrap="nowrap" align="center">
                  <Anchor href={invited.invitation.setupUrl} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {invited.invitation.setupUrl}
                  </Anchor>
                  <CopyButton value={invited.invitation.setupUrl}>
                    {({ copied, copy }) => (
                      <Button size="compact-xs" variant="light" onClick={copy}>
                        {t(copied ? 'backoffice.staff.linkCopied' : 'backoffice.staff.copyLink')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Stack>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label={t('backoffice.staff.name')}
              required
              maxLength={200}
              autoComplete="off"
              value={values.name}
              onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
              error={errors.name}
            />
            <TextInput
              label={t('backoffice.staff.email')}
              type="email"
              required
              autoComplete="off"
              value={values.email}
              onChange={(event) => setValues({ ...values, email: event.currentTarget.value })}
              error={errors.email}
            />
            <RoleSelect value={values.role} onChange={(role) => setValues({ ...values, role })} error={errors.role} />
          </SimpleGrid>
          <Button type="submit" loading={invite.isPending} w="fit-content">
            {t('backoffice.staff.inviteSubmit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

interface RoleSelectProps {
  value: StaffRole;
  onChange: (role: StaffRole) => void;
  error?: string | undefined;
  disabled?: boolean;
  label?: string;
}

/** A native select: on a phone it opens the system picker. */
export function RoleSelect({ value, onChange, error, disabled, label }: RoleSelectProps) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={label ?? t('backoffice.staff.role')}
      value={value}
      disabled={disabled}
      error={error}
      data={staffRoles.map((role) => ({ value: role, label: t(`backoffice.roles.${role}`) }))}
      onChange={(event) => {
        const role = staffRoles.find((candidate) => candidate === event.currentTarget.value);
        if (role) onChange(role);
      }}
    />
  );
}
