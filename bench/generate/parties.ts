import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Insertable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { checkInn10, checkOgrn, type PartiesTables } from '../../src/modules/parties/index.ts';
import type { Generator } from './generator.ts';
import { bytes, CUSTOMER_EMAIL_DOMAIN, TOKENS_KEPT } from './identity.ts';
import type { Random } from './random.ts';

/** In `--out`: the company each of the first generated users acts for, in the order of the session tokens. */
export const MEMBERSHIPS_FILE = 'parties-memberships.json';
const BATCH = 1000;
/** Two customer users for every company, on average: one head, and employees spread over the companies. */
const USERS_PER_COMPANY = 2;
const MINUTE = 60_000;

export interface GeneratedMemberships {
  /** `members[i]` is the user of the i-th session token in `identity-sessions.json`. */
  members: { userId: string; customerId: string }[];
}

export function readGeneratedMemberships(dir: string): GeneratedMemberships {
  const memberships = JSON.parse(readFileSync(path.join(dir, MEMBERSHIPS_FILE), 'utf8')) as GeneratedMemberships;
  if (memberships.members.length === 0) throw new Error(`no memberships in ${path.join(dir, MEMBERSHIPS_FILE)}`);
  return memberships;
}

/** Tax regions and a city in each, for INN/KPP/OGRN prefixes and addresses that agree with them. */
const REGIONS = [
  { code: '77', city: 'г. Москва', postcode: '1150' },
  { code: '78', city: 'г. Санкт-Петербург', postcode: '1900' },
  { code: '63', city: 'г. Самара', postcode: '4430' },
  { code: '16', city: 'г. Казань', postcode: '4200' },
  { code: '66', city: 'г. Екатеринбург', postcode: '6200' },
  { code: '54', city: 'г. Новосибирск', postcode: '6300' },
] as const;
const STREETS = ['ул. Кабельная', 'ул. Гагарина', 'ул. Ленина', 'пр-т Мира', 'ул. Садовая', 'ул. Промышленная', 'ш. Московское', 'ул. Заводская'];
const WORDS = ['Вектор', 'Альянс', 'Стройресурс', 'Техномир', 'Энергоснаб', 'Меридиан', 'Волга-Трейд', 'Северстрой', 'Промсвет', 'Гарант', 'Электромонтаж', 'Интерком'];
const LEGAL_FORMS = [
  { short: 'ООО', full: 'Общество с ограниченной ответственностью', weight: 0.85 },
  { short: 'АО', full: 'Акционерное общество', weight: 0.12 },
  { short: 'ПАО', full: 'Публичное акционерное общество', weight: 0.03 },
];

function legalForm(random: Random) {
  let draw = random.next();
  for (const form of LEGAL_FORMS) {
    if (draw < form.weight) return form;
    draw -= form.weight;
  }
  return LEGAL_FORMS[0]!;
}

/** `body` and the one digit that makes it pass `check` (the check-digit rules are the app's own). */
function withCheckDigit(body: string, check: (id: string) => unknown): string {
  for (let digit = 0; digit <= 9; digit++) if (check(`${body}${digit}`) === undefined) return `${body}${digit}`;
  throw new Error(`no check digit for ${body}`);
}

/** The company's number spread over 7 digits, one to one (the factor is coprime to 10^7): unique ids that do not look sequential. */
function scatter(number: number): string {
  if (number >= 10_000_000) throw new Error('at most 10 000 000 generated companies');
  return String((number * 7_654_321 + 1_234_567) % 10_000_000).padStart(7, '0');
}

interface GeneratedUser {
  id: string;
  name: string;
  created_at: Date;
}

/**
 * Every generated customer user acts for one company (legal entity, active, moderated, its details
 * confirmed by the registry): as many companies as half the users, each founded by a user who is
 * its head; the other users are active employees of a company whose head signed up before them, the
 * older companies gathering more of them. INNs and OGRNs are unique by construction (the company's
 * number, scattered, is in them) and carry valid check digits.
 */
export const parties: Generator = {
  module: 'parties',
  async clear({ db }) {
    const earlierUsers = db.selectFrom('identity_user').select('id').where('email_normalized', 'like', `%@${CUSTOMER_EMAIL_DOMAIN}`);
    const earlierCompanies = db.selectFrom('party_customer').select('id').where('created_by', 'in', earlierUsers);
    await db.deleteFrom('party_membership').where((eb) => eb.or([eb('user_id', 'in', earlierUsers), eb('customer_id', 'in', earlierCompanies)])).execute();
    await db.deleteFrom('party_customer').where('created_by', 'in', earlierUsers).execute();
  },
  async run({ db, random, outDir }) {
    // identity's users in generation order (one sign-up a minute: created_at is unique and increasing).
    const users: GeneratedUser[] = await db
      .selectFrom('identity_user')
      .select(['id', 'name', 'created_at'])
      .where('email_normalized', 'like', `%@${CUSTOMER_EMAIL_DOMAIN}`)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const companyCount = Math.ceil(users.length / USERS_PER_COMPANY);

    const companyOf: string[] = [];
    /** Founded so far: id and when its members may join (after moderation). */
    const founded: { id: string; openedAt: number }[] = [];
    let companies: Insertable<PartiesTables['party_customer']>[] = [];
    let memberships: Insertable<PartiesTables['party_membership']>[] = [];
    // Companies first: memberships point at them. Every company has a membership, so neither batch passes BATCH.
    const flush = async () => {
      if (companies.length > 0) await db.insertInto('party_customer').values(companies).execute();
      if (memberships.length > 0) await db.insertInto('party_membership').values(memberships).execute();
      companies = [];
      memberships = [];
    };

    for (const [index, user] of users.entries()) {
      const signedUp = user.created_at.getTime();
      const companiesLeft = companyCount - founded.length;
      const usersLeft = users.length - index;
      // Found a company with the share of users still needed to reach companyCount; the rest join one.
      const founds = founded.length === 0 || companiesLeft >= usersLeft || (companiesLeft > 0 && random.next() < companiesLeft / usersLeft);
      if (founds) {
        const number = founded.length;
        const region = random.pick(REGIONS);
        const form = legalForm(random);
        const word = `${random.pick(WORDS)}${random.next() < 0.5 ? '' : `-${random.int(1, 99)}`}`;
        const inn = withCheckDigit(`${region.code}${scatter(number)}`, checkInn10);
        const kpp = `${inn.slice(0, 4)}01001`;
        const ogrn = withCheckDigit(`1${String(random.int(2, 24)).padStart(2, '0')}${region.code}${scatter(number)}`, checkOgrn);
        const address = `${region.postcode}${random.int(10, 99)}, ${region.city}, ${random.pick(STREETS)}, д. ${random.int(1, 150)}, оф. ${random.int(1, 400)}`;
        const registeredAt = signedUp + random.int(5, 120) * MINUTE;
        const decidedAt = registeredAt + random.int(1, 48) * 60 * MINUTE;
        const id = uuidv7({ msecs: registeredAt, random: bytes(random, 16) });
        const party = {
          kind: 'legal_entity' as const,
          inn,
          kpp,
          ogrn,
          name: `${form.full} «${word}»`,
          shortName: `${form.short} «${word}»`,
          legalAddress: address,
          headName: user.name,
          headTitle: 'Генеральный директор',
          liquidated: false,
        };
        companies.push({
          id,
          kind: 'legal_entity',
          status: 'active',
          name: party.name,
          short_name: party.shortName,
          inn,
          kpp,
          ogrn,
          legal_address: address,
          head_name: party.headName,
          head_title: party.headTitle,
          email: `company${number + 1}@${CUSTOMER_EMAIL_DOMAIN}`,
          phone: `8 ${random.pick(['800', '495', '812', '846'])} ${random.int(100, 999)}-${random.int(10, 99)}-${random.int(10, 99)}`,
          birth_date: null,
          registry_check: 'confirmed',
          registry_data: JSON.stringify(party),
          status_reason: null,
          created_by: user.id,
          decided_by: null,
          decided_at: new Date(decidedAt),
          created_at: new Date(registeredAt),
          updated_at: new Date(decidedAt),
        });
        founded.push({ id, openedAt: decidedAt });
        companyOf.push(id);
        const at = new Date(registeredAt);
        memberships.push({ customer_id: id, user_id: user.id, role: 'head', status: 'active', pending_step: null, created_at: at, updated_at: at });
      } else {
        const company = founded[random.int(0, founded.length - 1)]!;
        // The join request took a while: both approvals after the user signed up and the company was approved.
        const joinedAt = new Date(Math.max(signedUp, company.openedAt) + random.int(30, 72 * 60) * MINUTE);
        companyOf.push(company.id);
        memberships.push({ customer_id: company.id, user_id: user.id, role: 'employee', status: 'active', pending_step: null, created_at: joinedAt, updated_at: joinedAt });
      }
      if (memberships.length >= BATCH) await flush();
    }
    await flush();

    const summary = `${founded.length} companies (active legal entities), ${users.length} active memberships (${founded.length} heads, ${users.length - founded.length} employees)`;
    if (outDir === undefined) return summary;
    const file = path.join(outDir, MEMBERSHIPS_FILE);
    const members = users.slice(0, TOKENS_KEPT).map((user, index) => ({ userId: user.id, customerId: companyOf[index]! }));
    writeFileSync(file, JSON.stringify({ members } satisfies GeneratedMemberships) + '\n');
    return `${summary}; the first ${members.length} users' companies in ${file}`;
  },
};
