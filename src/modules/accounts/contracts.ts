import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../platform/db/database.ts';

export type ContractStatus = 'active' | 'closed';

export interface Contract {
  customerId: string;
  id: string;
  number: string;
  signedOn: string | null;
  status: ContractStatus;
}

/** A contract as the provider's billing describes it; `undefined` fields are left as they are. */
export interface ContractInput {
  customerId: string;
  number: string;
  signedOn?: string | null;
  status?: ContractStatus;
}

export type ContractOutcome = { status: 'created' | 'updated' | 'unchanged'; id: string } | { status: 'conflict'; holderId: string };

const columns = ['customer_id as customerId', 'id', 'number', 'signed_on as signedOn', 'status'] as const;

/** The contract number is unique across the provider, so the lookup is by number alone. */
export async function findContractByNumber(db: Db, number: string): Promise<Contract | undefined> {
  return db.selectFrom('accounts_contract').select(columns).where('number', '=', number).executeTakeFirst();
}

/**
 * Adds the contract, or brings its date and status up to date; a contract number held by another
 * customer is a conflict (reported, nothing written). Call it inside the caller's transaction.
 */
export async function upsertContract(db: Db, input: ContractInput, now: Date): Promise<ContractOutcome> {
  let existing = await findContractByNumber(db, input.number);
  if (!existing) {
    const id = uuidv7();
    const inserted = await db
      .insertInto('accounts_contract')
      .values({
        customer_id: input.customerId,
        id,
        number: input.number,
        signed_on: input.signedOn ?? null,
        status: input.status ?? 'active',
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('number').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { status: 'created', id };
    // Another writer added the number between our read and our insert.
    existing = (await findContractByNumber(db, input.number))!;
  }
  if (existing.customerId !== input.customerId) return { status: 'conflict', holderId: existing.customerId };
  const changes = {
    ...(input.signedOn !== undefined && input.signedOn !== existing.signedOn ? { signed_on: input.signedOn } : {}),
    ...(input.status !== undefined && input.status !== existing.status ? { status: input.status } : {}),
  };
  if (Object.keys(changes).length === 0) return { status: 'unchanged', id: existing.id };
  await db
    .updateTable('accounts_contract')
    .set({ ...changes, updated_at: now })
    .where('customer_id', '=', existing.customerId)
    .where('id', '=', existing.id)
    .execute();
  return { status: 'updated', id: existing.id };
}
