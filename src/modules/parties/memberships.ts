import type { Db } from '../../platform/db/database.ts';
import type { CustomerKind, CustomerStatus, MemberRole, MembershipStatus, PendingStep, Relation } from './tables.ts';

/** A user's place at one customer, with what the access rules need to know about the customer. */
export interface Membership {
  customerId: string;
  userId: string;
  role: MemberRole;
  status: MembershipStatus;
  pendingStep: PendingStep | null;
  relation: Relation | null;
  validUntil: string | null;
  customer: { kind: CustomerKind; status: CustomerStatus; name: string };
}

function memberships(db: Db) {
  return db
    .selectFrom('party_membership as m')
    .innerJoin('party_customer as c', 'c.id', 'm.customer_id')
    .select([
      'm.customer_id as customerId',
      'm.user_id as userId',
      'm.role',
      'm.status',
      'm.pending_step as pendingStep',
      'm.relation',
      'm.valid_until as validUntil',
      'c.kind as customerKind',
      'c.status as customerStatus',
      'c.name as customerName',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof memberships>['executeTakeFirstOrThrow']>>;

function toMembership({ customerKind, customerStatus, customerName, ...row }: Row): Membership {
  return { ...row, customer: { kind: customerKind, status: customerStatus, name: customerName } };
}

export async function findMembership(db: Db, customerId: string, userId: string): Promise<Membership | undefined> {
  const row = await memberships(db).where('m.customer_id', '=', customerId).where('m.user_id', '=', userId).executeTakeFirst();
  return row && toMembership(row);
}

/** Every customer the user belongs to or waits for, except ended memberships. */
export async function listMemberships(db: Db, userId: string): Promise<Membership[]> {
  const rows = await memberships(db).where('m.user_id', '=', userId).where('m.status', '<>', 'ended').orderBy('c.name').orderBy('m.customer_id').execute();
  return rows.map(toMembership);
}

/** A guardian's access to a child's profile lapses on the day the child comes of age. */
export function hasLapsed(membership: Pick<Membership, 'validUntil'>, today: string): boolean {
  return membership.validUntil !== null && membership.validUntil <= today;
}
