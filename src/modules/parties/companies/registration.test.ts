import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, lastMail } from '../../../../test/support/account.ts';
import { createTestApp, type TestApp } from '../../../../test/support/app.ts';
import { registerCustomer, type Registered } from '../../../../test/support/identity.ts';
import { individualParty, legalParty, REGISTRY_TOKEN, SBERBANK, startRegistryStandIn, type DadataParty, type RegistryStandIn } from '../../../../test/support/registry.ts';
import { validInn10, validInn12, validOgrn } from '../../../../test/support/tax-ids.ts';
import { signInStaff } from '../../../../test/support/staff.ts';

let t: TestApp;
let standIn: RegistryStandIn;
let registrant: Registered;

beforeAll(async () => {
  standIn = await startRegistryStandIn([SBERBANK]);
  t = await createTestApp({ REGISTRY_URL: standIn.url, REGISTRY_TOKEN, REGISTRY_TIMEOUT_MS: '2000' });
  registrant = await registerCustomer(t.app, t.database.db);
});
afterAll(async () => {
  await t?.close();
  await standIn?.close();
});

/** The form as the registry filled it in, for a legal entity the stand-in knows. */
function formOf(party: DadataParty) {
  return {
    kind: party.type === 'LEGAL' ? ('legal_entity' as const) : ('sole_proprietor' as const),
    inn: party.inn,
    ...(party.kpp ? { kpp: party.kpp } : {}),
    ogrn: party.ogrn!,
    name: party.name.full_with_opf,
    shortName: party.name.short_with_opf,
    legalAddress: party.address!.value,
    headName: party.management?.name ?? 'Иванов Иван Иванович',
    headTitle: party.management?.post ?? null,
    email: 'office@example.ru',
    phone: '+7 846 207-18-60',
  };
}

async function companiesWithInn(inn: string) {
  return t.database.db.selectFrom('party_customer').select(['id', 'status', 'registry_check', 'registry_data', 'created_by']).where('inn', '=', inn).execute();
}

describe('lookupRegistryParty', () => {
  it('fills the form from the registry, and tells whether the company is registered here', async () => {
    const inn = validInn10();
    standIn.add(legalParty({ inn }));
    const call = client(t.app, registrant.cookie);
    const before = await call('GET', `/registry/parties/${inn}`);
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({
      result: 'found',
      party: expect.objectContaining({ kind: 'legal_entity', inn, kpp: `${inn.slice(0, 4)}01001`, shortName: `ООО "ТЕСТ ${inn}"`, headName: 'Петров Пётр Петрович', liquidated: false }),
      registered: null,
    });

    const someone = await registerCustomer(t.app, t.database.db);
    const party = before.json().party;
    expect((await client(t.app, someone.cookie)('POST', '/companies', { ...party, legalAddress: party.legalAddress, ogrn: party.ogrn })).statusCode).toBe(201);
    const after = await call('GET', `/registry/parties/${inn}`);
    expect(after.json().registered).toEqual({ name: party.name });
    expect((await call('GET', `/registry/parties/${inn}?kpp=${inn.slice(0, 4)}43001`)).json().registered).toBeNull();
  });

  it('answers not_found and unavailable, so the form falls back to manual entry', async () => {
    const call = client(t.app, registrant.cookie);
    expect((await call('GET', `/registry/parties/${validInn10()}`)).json()).toEqual({ result: 'not_found', party: null, registered: null });
    standIn.failNext(1, 500);
    expect((await call('GET', '/registry/parties/7707083893')).json()).toEqual({ result: 'unavailable', party: null, registered: null });
  });

  it('refuses a wrong check digit under the field, before asking the registry', async () => {
    const asked = standIn.received.length;
    const response = await client(t.app, registrant.cookie)('GET', '/registry/parties/7707083894');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'inn', code: 'inn_checksum', message: 'Неверный ИНН: не сходится контрольная цифра. Проверьте, нет ли опечатки.' }]);
    expect((await client(t.app, registrant.cookie)('GET', '/registry/parties/77070838')).json().errors[0].code).toBe('inn_format');
    expect(standIn.received.length).toBe(asked);
  });

  it('is for signed-in customers only, and throttled per user', async () => {
    expect((await client(t.app)('GET', '/registry/parties/7707083893')).statusCode).toBe(401);
    const moderator = await signInStaff(t.app, t.database.db, 'moderator');
    const staff = await client(t.app, moderator.cookie)('GET', '/registry/parties/7707083893');
    expect([staff.statusCode, staff.json().code]).toEqual([403, 'customers_only']);

    const busy = await registerCustomer(t.app, t.database.db);
    const call = client(t.app, busy.cookie);
    let last = await call('GET', '/registry/parties/7707083893');
    for (let i = 1; i < 31 && last.statusCode === 200; i++) last = await call('GET', '/registry/parties/7707083893');
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    // Someone else is not held back.
    expect((await client(t.app, registrant.cookie)('GET', '/registry/parties/7707083893')).statusCode).toBe(200);
  });
});

describe('registerCompany', () => {
  it('creates a pending company with its registrant as head, confirmed by the registry, and emails them', async () => {
    const party = legalParty({ inn: validInn10() });
    standIn.add(party);
    const user = await registerCustomer(t.app, t.database.db);
    const response = await client(t.app, user.cookie)('POST', '/companies', formOf(party));
    expect(response.statusCode).toBe(201);
    const { company, created } = response.json();
    expect(created).toBe(true);
    expect(company).toMatchObject({ kind: 'legal_entity', status: 'pending', inn: party.inn, kpp: party.kpp, ogrn: party.ogrn, name: party.name.full_with_opf, email: 'office@example.ru' });
    expect(company).not.toHaveProperty('registryCheck');

    const [row] = await companiesWithInn(party.inn);
    expect(row).toMatchObject({ id: company.id, status: 'pending', registry_check: 'confirmed', created_by: user.userId });
    expect(row!.registry_data).toMatchObject({ source: 'http', mismatches: [], party: { inn: party.inn } });

    const mine = (await client(t.app, user.cookie)('GET', '/me/customers')).json().items;
    expect(mine).toEqual([expect.objectContaining({ customer: { id: company.id, kind: 'legal_entity', status: 'pending', name: party.name.full_with_opf }, role: 'head', status: 'active' })]);
    const audit = await t.database.db.selectFrom('audit_event').select(['event', 'actor_id']).where('subject_id', '=', company.id).execute();
    expect(audit).toEqual([{ event: 'company.registered', actor_id: user.userId }]);
    const mail = await lastMail(t.database.db, user.email);
    expect(mail?.subject).toBe('Заявка на регистрацию компании принята');
    expect(mail?.text_body).toContain('Наш модератор проверит информацию об организации');
  });

  it('registers a sole proprietor with an OGRNIP and no KPP', async () => {
    const party = individualParty({ inn: validInn12() });
    standIn.add(party);
    const response = await client(t.app, registrant.cookie)('POST', '/companies', { ...formOf(party), headName: 'Иванов Иван Иванович' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().company).toMatchObject({ kind: 'sole_proprietor', kpp: null, ogrn: party.ogrn });
    expect((await companiesWithInn(party.inn))[0]?.registry_check).toBe('confirmed');
  });

  it('refuses wrong check digits field by field and creates nothing', async () => {
    const inn = validInn10();
    const response = await client(t.app, registrant.cookie)('POST', '/companies', {
      ...formOf(legalParty({ inn })),
      inn: `${inn.slice(0, 9)}${(Number(inn[9]) + 1) % 10}`,
      kpp: '77360100',
      ogrn: '1027700132196',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string; code: string }) => `${error.field}:${error.code}`)).toEqual(['inn:inn_checksum', 'kpp:kpp_format', 'ogrn:ogrn_checksum']);
    const ip = await client(t.app, registrant.cookie)('POST', '/companies', { ...formOf(individualParty({ inn: validInn12() })), ogrn: '304500116000158' });
    expect(ip.json().errors).toEqual([{ field: 'ogrn', code: 'ogrnip_checksum', message: 'Неверный ОГРНИП: не сходится контрольная цифра.' }]);
    expect(await companiesWithInn(inn)).toEqual([]);
  });

  it('returns the same company to a double click, however close together', async () => {
    const party = legalParty({ inn: validInn10() });
    standIn.add(party);
    const user = await registerCustomer(t.app, t.database.db);
    const call = client(t.app, user.cookie);
    const [first, second] = await Promise.all([call('POST', '/companies', formOf(party)), call('POST', '/companies', formOf(party))]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 201]);
    expect(first.json().company.id).toBe(second.json().company.id);
    const third = await call('POST', '/companies', formOf(party));
    expect([third.statusCode, third.json().created, third.json().company.id]).toEqual([200, false, first.json().company.id]);
    expect(await companiesWithInn(party.inn)).toHaveLength(1);
    const mails = await t.database.db.selectFrom('mail_message').select('id').where('to_address', '=', user.email.toLowerCase()).where('subject', '=', 'Заявка на регистрацию компании принята').execute();
    expect(mails).toHaveLength(1);
  });

  it('turns a second registration of a taken INN by someone else into a join request', async () => {
    const party = legalParty({ inn: validInn10() });
    standIn.add(party);
    const first = await client(t.app, registrant.cookie)('POST', '/companies', formOf(party));
    const colleague = await registerCustomer(t.app, t.database.db);
    const second = await client(t.app, colleague.cookie)('POST', '/companies', formOf(party));
    expect(second.statusCode, second.body).toBe(202);
    expect(second.json().joinRequest).toEqual({ id: expect.any(String), customerId: first.json().company.id, companyName: party.name.full_with_opf });
    expect(await companiesWithInn(party.inn)).toHaveLength(1);
    const mine = (await client(t.app, colleague.cookie)('GET', '/me/customers')).json().items;
    expect(mine).toEqual([expect.objectContaining({ role: 'employee', status: 'pending', pendingStep: 'join_approval' })]);
  });

  it('refuses a company the registry lists as liquidated', async () => {
    const party = legalParty({ inn: validInn10(), state: { status: 'LIQUIDATED' } });
    standIn.add(party);
    const response = await client(t.app, registrant.cookie)('POST', '/companies', formOf(party));
    expect([response.statusCode, response.json().code]).toEqual([422, 'company_liquidated']);
    expect(response.json().errors[0].field).toBe('inn');
    expect(await companiesWithInn(party.inn)).toEqual([]);
  });

  it('records what the registry said: mismatch (and which fields), not_found, unavailable', async () => {
    const differing = legalParty({ inn: validInn10() });
    standIn.add(differing);
    await client(t.app, registrant.cookie)('POST', '/companies', { ...formOf(differing), ogrn: validOgrn('legal_entity'), name: 'ООО «Совсем другое»' });
    const [mismatch] = await companiesWithInn(differing.inn);
    expect(mismatch?.registry_check).toBe('mismatch');
    expect(mismatch?.registry_data).toMatchObject({ mismatches: ['ogrn', 'name'] });

    // The short name, in other quotes and case, is the same name.
    const same = legalParty({ inn: validInn10() });
    standIn.add(same);
    await client(t.app, registrant.cookie)('POST', '/companies', { ...formOf(same), name: `ооо «тест ${same.inn}»` });
    expect((await companiesWithInn(same.inn))[0]?.registry_check).toBe('confirmed');

    // A KPP the registry does not know for this INN: the head office is compared, the KPP differs.
    const branch = legalParty({ inn: validInn10() });
    standIn.add(branch);
    await client(t.app, registrant.cookie)('POST', '/companies', { ...formOf(branch), kpp: `${branch.inn.slice(0, 4)}43001` });
    const [typo] = await companiesWithInn(branch.inn);
    expect(typo?.registry_check).toBe('mismatch');
    expect(typo?.registry_data).toMatchObject({ mismatches: ['kpp'] });

    const unknown = legalParty({ inn: validInn10() });
    await client(t.app, registrant.cookie)('POST', '/companies', formOf(unknown));
    expect((await companiesWithInn(unknown.inn))[0]?.registry_check).toBe('not_found');

    const unreachable = legalParty({ inn: validInn10() });
    standIn.add(unreachable);
    standIn.failNext(1, 500);
    const response = await client(t.app, registrant.cookie)('POST', '/companies', formOf(unreachable));
    expect(response.statusCode).toBe(201);
    const [row] = await companiesWithInn(unreachable.inn);
    expect(row?.registry_check).toBe('unavailable');
    expect(row?.registry_data).toMatchObject({ reason: expect.stringContaining('HTTP 500') });
  });

  it('is for customers: staff are refused, signed-out callers get 401', async () => {
    const party = legalParty({ inn: validInn10() });
    const moderator = await signInStaff(t.app, t.database.db, 'moderator');
    const staff = await client(t.app, moderator.cookie)('POST', '/companies', formOf(party));
    expect([staff.statusCode, staff.json().code]).toEqual([403, 'customers_only']);
    expect((await client(t.app)('POST', '/companies', formOf(party))).statusCode).toBe(401);
  });
});
