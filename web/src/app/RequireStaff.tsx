import { Outlet } from 'react-router';
import { useMe } from '../api/identity';
import { NotFoundPage } from '../pages/public/not-found/NotFoundPage';
import { sectionsFor, type BackofficeSection } from './backoffice-access';

/**
 * The back office exists only for staff: to anyone else it looks like an address that is not there,
 * as the server answers 404 too. With `section`, only the roles that section serves get in.
 * Sits inside {@link RequireAuth}, which has already signed the visitor in and waited for `me`.
 */
export function RequireStaff({ section }: { section?: BackofficeSection }) {
  const me = useMe().data;
  if (me?.kind !== 'staff') return <NotFoundPage />;
  if (section && !sectionsFor(me).some((allowed) => allowed.key === section)) return <NotFoundPage />;
  return <Outlet />;
}
