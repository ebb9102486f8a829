import type { Db } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/http/errors.ts';
import type { Membership } from './memberships.ts';
import { ROLE_PERMISSIONS } from './roles.ts';

/** The customer as its member sees it, with the member's role and what it allows. */
export async function getCustomerForMember(db: Db, membership: Membership) {
  const customer = await db
    .selectFrom('party_customer')
    .select([
      'id',
      'kind',
      'status',
      'status_reason as statusReason',
      'name',
      'short_name as shortName',
      'inn',
      'kpp',
      'ogrn',
      'legal_address as legalAddress',
      'head_name as headName',
      'birth_date as birthDate',
    ])
    .where('id', '=', membership.customerId)
    .executeTakeFirst();
  if (!customer) throw new NotFoundError();
  return { ...customer, role: membership.role, permissions: [...ROLE_PERMISSIONS[membership.role]] };
}

/** How many items wait in each back-office queue (shown next to the navigation entries). */
export async function countQueues(db: Db) {
  const [companies, joinRequests, activations, profiles] = await Promise.all([
    db.selectFrom('party_customer').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').where('kind', '<>', 'individual').executeTakeFirstOrThrow(),
    db.selectFrom('party_join_request').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').where('moderator_decision', 'is', null).executeTakeFirstOrThrow(),
    db.selectFrom('party_activation').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'awaiting_papers').executeTakeFirstOrThrow(),
    db.selectFrom('party_membership').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').where('pending_step', '=', 'verification').executeTakeFirstOrThrow(),
  ]);
  return { companies: Number(companies.n), joinRequests: Number(joinRequests.n), activations: Number(activations.n), profiles: Number(profiles.n) };
}
