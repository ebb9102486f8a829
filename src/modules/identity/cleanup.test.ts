import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { hit } from '../../platform/throttle/throttle.ts';
import { handleIdentityCleanup } from './cleanup.ts';
import { startFlow } from './flows.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('handleIdentityCleanup', () => {
  it('removes flows expired over a day ago and stale counters, and keeps live ones', async () => {
    const db = database.db;
    const stale = await startFlow(db, new Date(Date.now() - 3 * 24 * 3600 * 1000), { kind: 'recovery', userId: null, channel: 'email', address: 'old@example.ru' });
    const live = await startFlow(db, new Date(), { kind: 'recovery', userId: null, channel: 'email', address: 'new@example.ru' });
    await hit(db, 'old-counter', { max: 1, windowSeconds: 60 }, new Date(Date.now() - 3 * 24 * 3600 * 1000));
    await hit(db, 'new-counter', { max: 1, windowSeconds: 60 }, new Date());
    await handleIdentityCleanup(db)();
    await handleIdentityCleanup(db)();
    const flows = await db.selectFrom('identity_flow').select('id').execute();
    expect(flows.map((f) => f.id)).toEqual([live.id]);
    expect(flows.map((f) => f.id)).not.toContain(stale.id);
    const counters = await db.selectFrom('throttle_counter').select('key').execute();
    expect(counters.map((c) => c.key)).toEqual(['new-counter']);
  });
});
