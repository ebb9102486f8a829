/**
 * The company registry of the e2e stand-ins, in DaData's shape: POST /registry/findById/party with
 * `Authorization: Token e2e-registry-token` and {"query": "<INN>", "kpp"?: "..."}. It knows every
 * INN with correct check digits, and makes its details up from the INN (see {@link standInParty}),
 * except these prefixes:
 *   9901…  answers HTTP 500 (the registry is down: the form falls back to manual entry)
 *   9902…  answers no suggestions (not in the registry)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { suggestionsOf, type DadataParty } from '../../test/support/registry.ts';
import { isValidInn, withOgrnCheckDigit } from '../../test/support/tax-ids.ts';

export const E2E_REGISTRY_TOKEN = 'e2e-registry-token';
export const FAILING_PREFIX = '9901';
export const UNKNOWN_PREFIX = '9902';

/** An OGRN (13 digits) or OGRNIP (15) with the right check digit, made from `seed`'s digits. */
export function makeOgrn(seed: string, kind: 'legal_entity' | 'sole_proprietor'): string {
  return withOgrnCheckDigit(kind === 'legal_entity' ? `10277${seed}`.padEnd(12, '0').slice(0, 12) : `30450${seed}`.padEnd(14, '0').slice(0, 14), kind);
}

/** The details the stand-in gives any INN it knows: predictable, so that tests can expect them. */
export function standInParty(inn: string) {
  if (inn.length === 12) {
    return {
      inn,
      kpp: null,
      ogrn: makeOgrn(inn, 'sole_proprietor'),
      type: 'INDIVIDUAL',
      name: { full_with_opf: `Индивидуальный предприниматель Стендов Иван ${inn}`, short_with_opf: `ИП Стендов Иван ${inn}`, full: `Стендов Иван ${inn}` },
      fio: { surname: 'Стендов', name: 'Иван', patronymic: inn },
      address: { value: 'Самарская обл, г Самара' },
      management: null,
      state: { status: 'ACTIVE' },
    } satisfies DadataParty;
  }
  return {
    inn,
    kpp: `${inn.slice(0, 4)}01001`,
    ogrn: makeOgrn(inn, 'legal_entity'),
    type: 'LEGAL',
    branch_type: 'MAIN',
    name: { full_with_opf: `ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "СТЕНД ${inn}"`, short_with_opf: `ООО "СТЕНД ${inn}"` },
    address: { value: '443013, г Самара, ул Кабельная, д 9' },
    management: { name: 'Мингалёв Сергей Петрович', post: 'ГЕНЕРАЛЬНЫЙ ДИРЕКТОР' },
    state: { status: 'ACTIVE' },
  } satisfies DadataParty;
}

/** Answers POST /registry/findById/party; returns false for any other request. */
export function answerRegistry(req: IncomingMessage, res: ServerResponse, url: URL, body: string): boolean {
  if (url.pathname !== '/registry/findById/party' || req.method !== 'POST') return false;
  res.setHeader('content-type', 'application/json');
  if (req.headers.authorization !== `Token ${E2E_REGISTRY_TOKEN}`) {
    res.statusCode = req.headers.authorization ? 403 : 401;
    res.end(JSON.stringify({ family: 'CLIENT_ERROR', reason: 'Forbidden' }));
    return true;
  }
  let request: { query?: string; kpp?: string };
  try {
    request = JSON.parse(body) as typeof request;
  } catch {
    res.statusCode = 400;
    res.end('{"family":"CLIENT_ERROR","reason":"Bad JSON"}');
    return true;
  }
  const { query = '', kpp } = request;
  if (query.startsWith(FAILING_PREFIX)) {
    res.statusCode = 500;
    res.end('{"family":"SERVER_ERROR","reason":"stand-in failure"}');
    return true;
  }
  const party = !query.startsWith(UNKNOWN_PREFIX) && isValidInn(query) ? standInParty(query) : undefined;
  const found = party && (!kpp || party.kpp === kpp) ? [party] : [];
  res.end(JSON.stringify(suggestionsOf(found)));
  return true;
}
