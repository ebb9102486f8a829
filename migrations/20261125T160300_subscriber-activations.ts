import { sql, type Kysely } from 'kysely';

/**
 * Subscriber-code registration: at most one registration of an account waits for its signed papers
 * at a time, whatever two browsers do at once; the activation queue is read newest first per status.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('party_activation_awaiting_account_key')
    .on('party_activation')
    .columns(['customer_id', 'account_id'])
    .unique()
    .where(sql.ref('status'), '=', 'awaiting_papers')
    .execute();
  await db.schema.createIndex('party_activation_user_idx').on('party_activation').columns(['customer_id', 'user_id']).execute();
  await db.schema.createIndex('party_subscriber_claim_expiry_idx').on('party_subscriber_claim').column('expires_at').execute();
}
