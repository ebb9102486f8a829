import type { Db } from '../../../../platform/db/database.ts';
import { createHttpRegistry, type HttpRegistryOptions } from './http.ts';
import { createLocalRegistry } from './local.ts';

/** A company or sole proprietor as a registry knows it (EGRUL / EGRIP data). */
export interface RegistryParty {
  kind: 'legal_entity' | 'sole_proprietor';
  inn: string;
  kpp: string | null;
  /** OGRN of a legal entity, OGRNIP of a sole proprietor. */
  ogrn: string | null;
  name: string;
  shortName: string | null;
  legalAddress: string | null;
  headName: string | null;
  headTitle: string | null;
  liquidated: boolean;
}

export type RegistrySource = 'http' | 'local';

export type RegistryAnswer =
  | { result: 'found'; party: RegistryParty; source: RegistrySource }
  | { result: 'not_found'; source: RegistrySource }
  /** The registry could not be asked (down, slow, refused our token): nothing is known either way. */
  | { result: 'unavailable'; reason: string };

export interface CompanyRegistry {
  /** The head office for an INN alone; the branch with that KPP when one is given. */
  findParty(inn: string, kpp?: string): Promise<RegistryAnswer>;
}

/**
 * The registry the cabinet asks. Without an HTTP registry configured, the local table (loaded by
 * `kabinet import registry`) is the registry; with one, it is asked first and the local table
 * answers only while it is unreachable — a "not found" from the real registry stands.
 */
export function createRegistry(db: Db, http: HttpRegistryOptions | undefined): CompanyRegistry {
  const local = createLocalRegistry(db);
  if (!http) return local;
  const remote = createHttpRegistry(http);
  return {
    async findParty(inn, kpp) {
      const answer = await remote.findParty(inn, kpp);
      if (answer.result !== 'unavailable') return answer;
      const fallback = await local.findParty(inn, kpp);
      return fallback.result === 'found' ? fallback : answer;
    },
  };
}
