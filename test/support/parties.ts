import { v7 as uuidv7 } from 'uuid';
import type { CustomerKind, CustomerStatus, MemberRole } from '../../src/modules/parties/index.ts';
import type { PendingStep } from '../../src/modules/parties/tables.ts';
import type { Db } from '../../src/platform/db/database.ts';

let counter = 0;

/** A made-up INN no other test customer has (checksums are not checked on direct inserts). */
export function uniqueInn(kind: CustomerKind = 'legal_entity'): string {
  counter++;
  const digits = `${Date.now()}${process.pid}${counter}`.slice(-8).padStart(8, '0');
  return kind === 'sole_proprietor' ? `77${digits}${counter % 100}`.padEnd(12, '0').slice(0, 12) : `77${digits}`.slice(0, 10);
}

/** A customer written straight to the database, as if registered and decided on. */
export async function createCustomer(db: Db, options: { kind?: CustomerKind; status?: CustomerStatus; name?: string; inn?: string } = {}): Promise<string> {
  const id = uuidv7();
  const kind = options.kind ?? 'legal_entity';
  const now = new Date();
  await db
    .insertInto('party_customer')
    .values({
      id,
      kind,
      status: options.status ?? 'active',
      name: options.name ?? `ООО «Тест ${++counter}»`,
      inn: kind === 'individual' ? null : (options.inn ?? uniqueInn(kind)),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Makes the user a member of the customer; pending members wait at `pendingStep`. */
export async function addMember(db: Db, customerId: string, userId: string, options: { role?: MemberRole; pendingStep?: PendingStep; blocked?: boolean } = {}): Promise<void> {
  const now = new Date();
  await db
    .insertInto('party_membership')
    .values({
      customer_id: customerId,
      user_id: userId,
      role: options.role ?? 'employee',
      status: options.pendingStep ? 'pending' : options.blocked ? 'blocked' : 'active',
      pending_step: options.pendingStep ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}
