import type { Me } from '../api/identity';
import { paths } from './paths';

type StaffRole = NonNullable<Me['staffRole']>;

/** The back office's sections and the roles the server lets in; anyone else gets its 404. */
export const backofficeSections = [
  { key: 'users', path: paths.backofficeUsers, roles: ['administrator', 'moderator', 'operator'] },
  { key: 'staff', path: paths.backofficeStaff, roles: ['administrator'] },
  { key: 'outbox', path: paths.backofficeOutbox, roles: ['administrator'] },
  { key: 'activations', path: paths.backofficeActivations, roles: ['administrator', 'moderator'] },
  { key: 'companies', path: paths.backofficeCompanies, roles: ['administrator', 'moderator'] },
  { key: 'profiles', path: paths.backofficeProfiles, roles: ['administrator', 'moderator'] },
  { key: 'joinRequests', path: paths.backofficeJoinRequests, roles: ['administrator', 'moderator'] },
  { key: 'accounts', path: paths.backofficeAccounts, roles: ['administrator', 'accountant'] },
  { key: 'promisedSettings', path: paths.backofficePromisedSettings, roles: ['administrator'] },
  { key: 'paymentRequisites', path: paths.backofficePaymentRequisites, roles: ['administrator', 'accountant'] },
  { key: 'integration', path: paths.backofficeIntegration, roles: ['administrator'] },
  { key: 'imports', path: paths.backofficeImports, roles: ['administrator', 'accountant'] },
  { key: 'tariffs', path: paths.backofficeTariffs, roles: ['administrator'] },
] as const satisfies ReadonlyArray<{ key: string; path: string; roles: readonly StaffRole[] }>;

export type BackofficeSection = (typeof backofficeSections)[number]['key'];

/** The sections this user may open: none for a customer. */
export function sectionsFor(me: Me | null | undefined): Array<(typeof backofficeSections)[number]> {
  const role = me?.kind === 'staff' ? me.staffRole : null;
  if (!role) return [];
  return backofficeSections.filter((section) => (section.roles as readonly StaffRole[]).includes(role));
}
