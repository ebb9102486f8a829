import { sql } from 'kysely';
import type { Db } from '../../../../platform/db/database.ts';
import type { CompanyRegistry, RegistryParty } from './registry.ts';

function entries(db: Db) {
  return db
    .selectFrom('party_registry_entry')
    .select([
      'kind',
      'inn',
      'kpp',
      'ogrn',
      'name',
      'short_name as shortName',
      'legal_address as legalAddress',
      'head_name as headName',
      'head_title as headTitle',
      'liquidated',
    ]);
}

/**
 * The local registry table. For an INN alone it answers with the head office: the KPP whose reason
 * code (5th–6th characters) is 01, registration at the organization's own address.
 */
export function createLocalRegistry(db: Db): CompanyRegistry {
  return {
    async findParty(inn, kpp) {
      const rows = await entries(db)
        .where('inn', '=', inn)
        .$if(kpp !== undefined, (qb) => qb.where('kpp', '=', kpp!))
        .orderBy(sql`substr(kpp, 5, 2) = '01'`, 'desc')
        .orderBy('kpp')
        .limit(1)
        .execute();
      const row = rows[0];
      if (!row) return { result: 'not_found', source: 'local' };
      return { result: 'found', party: { ...row, kpp: row.kpp || null }, source: 'local' };
    },
  };
}

export interface UpsertOutcome {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Adds or replaces registry entries by (INN, KPP). An entry equal to what is stored is left alone,
 * so loading the same file twice changes nothing, not even `updated_at`.
 */
export async function upsertRegistryEntries(db: Db, parties: readonly RegistryParty[], now: Date): Promise<UpsertOutcome> {
  const outcome: UpsertOutcome = { added: 0, updated: 0, unchanged: 0 };
  const CHUNK = 500;
  for (let start = 0; start < parties.length; start += CHUNK) {
    const chunk = parties.slice(start, start + CHUNK);
    const rows = await db
      .insertInto('party_registry_entry')
      .values(
        chunk.map((party) => ({
          inn: party.inn,
          kpp: party.kpp ?? '',
          kind: party.kind,
          name: party.name,
          short_name: party.shortName,
          ogrn: party.ogrn,
          legal_address: party.legalAddress,
          head_name: party.headName,
          head_title: party.headTitle,
          liquidated: party.liquidated,
          updated_at: now,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['inn', 'kpp'])
          .doUpdateSet({
            kind: (eb) => eb.ref('excluded.kind'),
            name: (eb) => eb.ref('excluded.name'),
            short_name: (eb) => eb.ref('excluded.short_name'),
            ogrn: (eb) => eb.ref('excluded.ogrn'),
            legal_address: (eb) => eb.ref('excluded.legal_address'),
            head_name: (eb) => eb.ref('excluded.head_name'),
            head_title: (eb) => eb.ref('excluded.head_title'),
            liquidated: (eb) => eb.ref('excluded.liquidated'),
            updated_at: (eb) => eb.ref('excluded.updated_at'),
          })
          .where(
            sql<boolean>`(party_registry_entry.kind, party_registry_entry.name, party_registry_entry.short_name, party_registry_entry.ogrn,
              party_registry_entry.legal_address, party_registry_entry.head_name, party_registry_entry.head_title, party_registry_entry.liquidated)
              is distinct from (excluded.kind, excluded.name, excluded.short_name, excluded.ogrn,
              excluded.legal_address, excluded.head_name, excluded.head_title, excluded.liquidated)`,
          ),
      )
      // xmax is 0 on a freshly inserted row version and set on an updated one.
      .returning(sql<boolean>`xmax = 0`.as('inserted'))
      .execute();
    const added = rows.filter((row) => row.inserted).length;
    outcome.added += added;
    outcome.updated += rows.length - added;
    outcome.unchanged += chunk.length - rows.length;
  }
  return outcome;
}
