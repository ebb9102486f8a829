import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe, useSignedOut } from '../api/identity';
import { loginPath, paths } from './paths';

/**
 * The cabinet's pages need a signed-in user: a visitor goes to sign in and comes back here after.
 * Staff must have two-factor on before anything else, so they are sent to turn it on.
 */
export function RequireAuth() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const signedOut = useSignedOut();

  if (me.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (me.isError) throw me.error;
  if (!me.data) {
    // Someone who chose to sign out is not sent back here after the next sign-in.
    return signedOut ? (
      <Navigate to={paths.login} replace state={{ notice: 'signedOut' }} />
    ) : (
      <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />
    );
  }
  if (me.data.kind === 'staff' && !me.data.totpEnabled && location.pathname !== paths.settingsSecurity) {
    return <Navigate to={paths.settingsSecurity} replace state={{ totpRequired: true }} />;
  }
  return <Outlet />;
}
