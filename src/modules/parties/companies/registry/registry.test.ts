import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../test/support/database.ts';
import { individualParty, legalParty, REGISTRY_TOKEN, SBERBANK, startRegistryStandIn, type RegistryStandIn } from '../../../../../test/support/registry.ts';
import { validInn10, validInn12 } from '../../../../../test/support/tax-ids.ts';
import type { DatabaseHandle } from '../../../../platform/db/database.ts';
import { createHttpRegistry } from './http.ts';
import { createLocalRegistry, upsertRegistryEntries } from './local.ts';
import { createRegistry, type RegistryParty } from './registry.ts';

let standIn: RegistryStandIn;
let database: DatabaseHandle;
beforeAll(async () => {
  standIn = await startRegistryStandIn([SBERBANK]);
  database = await createTestDatabase();
});
afterAll(async () => {
  await standIn?.close();
  await database?.close();
});

const options = () => ({ url: new URL(standIn.url), token: REGISTRY_TOKEN, timeoutMs: 1000 });

describe('createHttpRegistry', () => {
  it('finds a legal entity by INN and maps DaData’s answer, sending the token', async () => {
    const answer = await createHttpRegistry(options()).findParty('7707083893');
    expect(answer).toEqual({
      result: 'found',
      source: 'http',
      party: {
        kind: 'legal_entity',
        inn: '7707083893',
        kpp: '773601001',
        ogrn: '1027700132195',
        name: 'ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО "СБЕРБАНК РОССИИ"',
        shortName: 'ПАО СБЕРБАНК',
        legalAddress: 'г Москва, ул Вавилова, д 19',
        headName: 'Греф Герман Оскарович',
        headTitle: 'ПРЕЗИДЕНТ, ПРЕДСЕДАТЕЛЬ ПРАВЛЕНИЯ',
        liquidated: false,
      },
    });
    const request = standIn.received.at(-1)!;
    expect(request.headers.authorization).toBe(`Token ${REGISTRY_TOKEN}`);
    expect(request.headers.accept).toBe('application/json');
    expect(request.body).toEqual({ query: '7707083893' });
  });

  it('takes a sole proprietor’s head from the person’s name, and tells a liquidated company', async () => {
    const inn = validInn12();
    standIn.add(individualParty({ inn, ogrn: '304500116000157', state: { status: 'LIQUIDATED' } }));
    const answer = await createHttpRegistry(options()).findParty(inn);
    expect(answer).toMatchObject({
      result: 'found',
      party: { kind: 'sole_proprietor', inn, kpp: null, ogrn: '304500116000157', headName: 'Иванов Иван Иванович', headTitle: null, liquidated: true },
    });
  });

  it('answers the head office for an INN alone and the branch for INN and KPP', async () => {
    const inn = validInn10();
    const branch = legalParty({ inn, kpp: `${inn.slice(0, 4)}43001`, branch_type: 'BRANCH', address: { value: 'г Самара, ул Кабельная, д 9' } });
    standIn.add(branch, legalParty({ inn, kpp: `${inn.slice(0, 4)}01001` }));
    const registry = createHttpRegistry(options());
    expect(await registry.findParty(inn)).toMatchObject({ party: { kpp: `${inn.slice(0, 4)}01001` } });
    expect(await registry.findParty(inn, branch.kpp!)).toMatchObject({ party: { kpp: branch.kpp, legalAddress: 'г Самара, ул Кабельная, д 9' } });
    expect(standIn.received.at(-1)!.body).toEqual({ query: inn, kpp: branch.kpp });
  });

  it('says not_found when DaData has no suggestions', async () => {
    expect(await createHttpRegistry(options()).findParty(validInn10())).toEqual({ result: 'not_found', source: 'http' });
  });

  it('says unavailable on a server error, a refused token, a missing token or a timeout — never not_found', async () => {
    standIn.failNext(1, 500);
    expect(await createHttpRegistry(options()).findParty('7707083893')).toMatchObject({ result: 'unavailable', reason: expect.stringContaining('HTTP 500') });
    const wrongToken = await createHttpRegistry({ ...options(), token: 'wrong' }).findParty('7707083893');
    expect(wrongToken).toMatchObject({ result: 'unavailable', reason: expect.stringContaining('HTTP 403') });
    expect(JSON.stringify(wrongToken)).not.toContain('wrong');
    expect(await createHttpRegistry({ ...options(), token: undefined }).findParty('7707083893')).toMatchObject({ result: 'unavailable', reason: expect.stringContaining('HTTP 401') });
    standIn.failNext(1, 'hang');
    const started = Date.now();
    expect(await createHttpRegistry({ ...options(), timeoutMs: 300 }).findParty('7707083893')).toMatchObject({ result: 'unavailable', reason: expect.stringContaining('timed out') });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('says unavailable when nothing listens', async () => {
    const answer = await createHttpRegistry({ url: new URL('http://127.0.0.1:9/rs'), token: REGISTRY_TOKEN, timeoutMs: 1000 }).findParty('7707083893');
    expect(answer.result).toBe('unavailable');
  });
});

function localParty(overrides: Partial<RegistryParty> & { inn: string }): RegistryParty {
  return {
    kind: 'legal_entity',
    kpp: `${overrides.inn.slice(0, 4)}01001`,
    ogrn: null,
    name: `ООО «Местная ${overrides.inn}»`,
    shortName: null,
    legalAddress: 'г Самара',
    headName: 'Сидоров С. С.',
    headTitle: 'Директор',
    liquidated: false,
    ...overrides,
  };
}

describe('createLocalRegistry', () => {
  it('finds by INN (the head office, KPP reason code 01) or by INN and KPP', async () => {
    const inn = validInn10();
    await upsertRegistryEntries(database.db, [localParty({ inn, kpp: `${inn.slice(0, 4)}43001` }), localParty({ inn })], new Date());
    const local = createLocalRegistry(database.db);
    expect(await local.findParty(inn)).toMatchObject({ result: 'found', source: 'local', party: { kpp: `${inn.slice(0, 4)}01001` } });
    expect(await local.findParty(inn, `${inn.slice(0, 4)}43001`)).toMatchObject({ result: 'found', party: { kpp: `${inn.slice(0, 4)}43001` } });
    expect(await local.findParty(validInn10())).toEqual({ result: 'not_found', source: 'local' });
  });

  it('gives a sole proprietor no KPP', async () => {
    const inn = validInn12();
    await upsertRegistryEntries(database.db, [localParty({ inn, kind: 'sole_proprietor', kpp: null })], new Date());
    expect(await createLocalRegistry(database.db).findParty(inn)).toMatchObject({ party: { kind: 'sole_proprietor', kpp: null } });
  });
});

describe('upsertRegistryEntries', () => {
  it('adds, replaces changed entries and leaves equal ones alone', async () => {
    const [first, second] = [localParty({ inn: validInn10() }), localParty({ inn: validInn10() })];
    const earlier = new Date('2026-11-01T00:00:00Z');
    expect(await upsertRegistryEntries(database.db, [first!, second!], earlier)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(await upsertRegistryEntries(database.db, [first!, { ...second!, headName: 'Новый директор' }], new Date())).toEqual({ added: 0, updated: 1, unchanged: 1 });
    const stamps = await database.db.selectFrom('party_registry_entry').select(['inn', 'updated_at']).where('inn', 'in', [first!.inn, second!.inn]).execute();
    expect(stamps.find((row) => row.inn === first!.inn)?.updated_at).toEqual(earlier);
    expect(stamps.find((row) => row.inn === second!.inn)?.updated_at).not.toEqual(earlier);
  });
});

describe('createRegistry', () => {
  it('is the local table alone without an HTTP registry', async () => {
    const inn = validInn10();
    await upsertRegistryEntries(database.db, [localParty({ inn })], new Date());
    expect(await createRegistry(database.db, undefined).findParty(inn)).toMatchObject({ result: 'found', source: 'local' });
  });

  it('asks the HTTP registry first, and the local table only while it is unreachable', async () => {
    const inn = validInn10();
    await upsertRegistryEntries(database.db, [localParty({ inn })], new Date());
    const registry = createRegistry(database.db, options());
    // DaData does not know it: that answer stands.
    expect(await registry.findParty(inn)).toEqual({ result: 'not_found', source: 'http' });
    standIn.failNext(1, 500);
    expect(await registry.findParty(inn)).toMatchObject({ result: 'found', source: 'local' });
    standIn.failNext(1, 503);
    expect(await registry.findParty(validInn10())).toMatchObject({ result: 'unavailable' });
    expect(await registry.findParty('7707083893')).toMatchObject({ result: 'found', source: 'http' });
  });
});
