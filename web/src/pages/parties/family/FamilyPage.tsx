import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFamilyProfiles, type FamilyProfile, type Redemption } from '../../../api/family';
import { PageTitle } from '../../../components/PageTitle';
import { AddProfileModal } from './components/AddProfileModal';
import { ProfileCard } from './components/ProfileCard';
import { RedeemCodeModal } from './components/RedeemCodeModal';

type Dialog = 'add' | 'verify' | 'takeover' | null;

/** «Семейный доступ»: the user's own and relatives' profiles, each verified with a code from the clinic. */
export function FamilyPage() {
  const { t } = useTranslation('family');
  const profiles = useFamilyProfiles();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The route's error boundary shows what went wrong.
  if (profiles.isError) throw profiles.error;

  function added(profile: FamilyProfile, created: boolean) {
    setDialog(null);
    setNotice(created ? t('add.done', { name: profile.name }) : t('add.exists', { name: profile.name }));
  }

  function redeemed(redemption: Redemption) {
    setDialog(null);
    const name = redemption.profile.name;
    setNotice(redemption.purpose === 'takeover' ? t('redeem.takenOver', { name }) : t('redeem.verified', { name }));
  }

  return (
    <Stack gap="lg" maw={800}>
      <PageTitle>{t('page.title')}</PageTitle>
      <Stack gap="xs">
        <Title order={1}>{t('page.title')}</Title>
        <Text>{t('page.intro')}</Text>
        <Text>{t('page.verifyIntro')}</Text>
        <Text size="sm" c="dimmed">
          {t('page.howToGetCode')}
        </Text>
      </Stack>

      <Group gap="sm">
        <Button onClick={() => setDialog('add')}>{t('page.add')}</Button>
        <Button variant="light" onClick={() => setDialog('verify')}>
          {t('page.verify')}
        </Button>
      </Group>

      <div role="status">
        {notice && (
          <Alert color="teal" variant="light" withCloseButton onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
      </div>

      <Stack gap="sm" component="section" aria-labelledby="family-profiles-heading">
        <Title order={2} size="h3" id="family-profiles-heading">
          {t('page.profiles')}
        </Title>
        {profiles.isPending && <Loader aria-label={t('common.loading', { ns: 'translation' })} />}
        {profiles.data && profiles.data.items.length === 0 && <Text>{t('page.empty')}</Text>}
        {profiles.data && profiles.data.items.length > 0 && (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('card.list')}>
            {profiles.data.items.map((profile) => (
              <ProfileCard key={profile.id} profile={profile} onVerify={() => setDialog('verify')} />
            ))}
          </Stack>
        )}
        {profiles.data && (
          <Text size="xs" c="dimmed">
            {t('page.limit', { count: profiles.data.limit })}
          </Text>
        )}
      </Stack>

      <Stack gap={4}>
        <Anchor component="button" type="button" w="fit-content" onClick={() => setDialog('takeover')}>
          {t('page.takeover')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('page.takeoverHint')}
        </Text>
      </Stack>

      {dialog === 'add' && <AddProfileModal onAdded={added} onClose={() => setDialog(null)} />}
      {(dialog === 'verify' || dialog === 'takeover') && <RedeemCodeModal mode={dialog === 'takeover' ? 'takeover' : 'verification'} onRedeemed={redeemed} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
