import type { Db } from '../../platform/db/database.ts';
import { likePattern } from '../../platform/db/like.ts';
import type { UserKind } from './tables.ts';

/** What other modules may know about a person: how to address them and in which language. */
export interface Person {
  id: string;
  kind: UserKind;
  name: string;
  email: string;
  locale: 'ru' | 'en';
  status: 'active' | 'blocked';
}

/** The people with these ids (unknown ids are simply absent), for member lists and notices. */
export async function findPeople(db: Db, ids: readonly string[]): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('identity_user').select(['id', 'kind', 'name', 'email', 'locale', 'status']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** One person whom a row of the caller's refers to (a member, an applicant): missing means a broken database. */
export async function getPerson(db: Db, id: string): Promise<Person> {
  const found = (await findPeople(db, [id])).get(id);
  if (!found) throw new Error(`user ${id} not found`);
  return found;
}

/** Ids of customers (not staff) whose email or name contains `query`, at most `limit` of them. */
export async function findPersonIdsMatching(db: Db, query: string, limit: number): Promise<string[]> {
  const text = query.trim();
  if (!text) return [];
  const rows = await db
    .selectFrom('identity_user')
    .select('id')
    .where('kind', '=', 'customer')
    .where((eb) => eb.or([eb('email_normalized', 'like', likePattern(text.toLowerCase())), eb('name', 'ilike', likePattern(text))]))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}
