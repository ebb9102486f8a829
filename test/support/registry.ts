import { createServer, type IncomingHttpHeaders } from 'node:http';
import { validOgrn } from './tax-ids.ts';

/** A party as DaData's findById/party returns it in `suggestions[].data` (the fields we read). */
export interface DadataParty {
  inn: string;
  kpp: string | null;
  ogrn: string | null;
  type: 'LEGAL' | 'INDIVIDUAL';
  branch_type?: 'MAIN' | 'BRANCH' | null;
  name: { full_with_opf: string; short_with_opf: string | null; full?: string | null };
  fio?: { surname: string; name: string; patronymic: string | null } | null;
  address: { value: string } | null;
  management?: { name: string; post: string } | null;
  state: { status: 'ACTIVE' | 'LIQUIDATING' | 'LIQUIDATED' | 'BANKRUPT' | 'REORGANIZING' };
}

export const REGISTRY_TOKEN = 'test-registry-token';

/** DaData's answer to findById/party: the parties found, each wrapped as a suggestion. */
export function suggestionsOf(parties: readonly DadataParty[]) {
  return { suggestions: parties.map((data) => ({ value: data.name.short_with_opf, unrestricted_value: data.name.full_with_opf, data })) };
}

export function legalParty(overrides: Partial<DadataParty> & { inn: string }): DadataParty {
  return {
    kpp: `${overrides.inn.slice(0, 4)}01001`,
    ogrn: validOgrn('legal_entity'),
    type: 'LEGAL',
    branch_type: 'MAIN',
    name: { full_with_opf: `ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ТЕСТ ${overrides.inn}"`, short_with_opf: `ООО "ТЕСТ ${overrides.inn}"` },
    address: { value: 'г Москва, ул Тверская, д 1' },
    management: { name: 'Петров Пётр Петрович', post: 'ГЕНЕРАЛЬНЫЙ ДИРЕКТОР' },
    state: { status: 'ACTIVE' },
    ...overrides,
  };
}

export function individualParty(overrides: Partial<DadataParty> & { inn: string }): DadataParty {
  return {
    kpp: null,
    ogrn: validOgrn('sole_proprietor'),
    type: 'INDIVIDUAL',
    name: { full_with_opf: 'Индивидуальный предприниматель Иванов Иван Иванович', short_with_opf: 'ИП Иванов Иван Иванович', full: 'Иванов Иван Иванович' },
    fio: { surname: 'Иванов', name: 'Иван', patronymic: 'Иванович' },
    address: { value: 'Московская обл, г Балашиха' },
    management: null,
    state: { status: 'ACTIVE' },
    ...overrides,
  };
}

/** Real companies as DaData returns them (public EGRUL data). */
export const SBERBANK = legalParty({
  inn: '7707083893',
  kpp: '773601001',
  ogrn: '1027700132195',
  name: { full_with_opf: 'ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО "СБЕРБАНК РОССИИ"', short_with_opf: 'ПАО СБЕРБАНК' },
  address: { value: 'г Москва, ул Вавилова, д 19' },
  management: { name: 'Греф Герман Оскарович', post: 'ПРЕЗИДЕНТ, ПРЕДСЕДАТЕЛЬ ПРАВЛЕНИЯ' },
});

export interface ReceivedLookup {
  headers: IncomingHttpHeaders;
  body: { query?: string; kpp?: string };
}

export interface RegistryStandIn {
  /** The API base, as REGISTRY_URL. */
  url: string;
  received: ReceivedLookup[];
  /** Parties by INN; several with one INN are a head office and its branches. */
  add(...parties: DadataParty[]): void;
  /** The next `count` requests fail: an HTTP status, or no answer for longer than any timeout. */
  failNext(count: number, how: number | 'hang'): void;
  close(): Promise<void>;
}

/** A local HTTP server speaking DaData's POST {base}/findById/party with `Authorization: Token …`. */
export async function startRegistryStandIn(parties: DadataParty[] = []): Promise<RegistryStandIn> {
  const byInn = new Map<string, DadataParty[]>();
  const add = (...more: DadataParty[]) => {
    for (const party of more) byInn.set(party.inn, [...(byInn.get(party.inn) ?? []), party]);
  };
  add(...parties);
  const received: ReceivedLookup[] = [];
  let failures: { count: number; how: number | 'hang' } = { count: 0, how: 500 };
  const hanging = new Set<() => void>();

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.method !== 'POST' || !req.url?.endsWith('/findById/party')) {
        res.statusCode = 404;
        return res.end('{}');
      }
      const body = JSON.parse(raw || '{}') as ReceivedLookup['body'];
      received.push({ headers: req.headers, body });
      if (failures.count > 0) {
        failures.count--;
        if (failures.how === 'hang') {
          hanging.add(() => res.destroy());
          return;
        }
        res.statusCode = failures.how;
        return res.end(JSON.stringify({ family: 'SERVER_ERROR', reason: 'stand-in failure' }));
      }
      const authorization = req.headers.authorization;
      if (!authorization) {
        res.statusCode = 401;
        return res.end(JSON.stringify({ family: 'CLIENT_ERROR', reason: 'Unauthorized' }));
      }
      if (authorization !== `Token ${REGISTRY_TOKEN}`) {
        res.statusCode = 403;
        return res.end(JSON.stringify({ family: 'CLIENT_ERROR', reason: 'Forbidden' }));
      }
      const found = (byInn.get(body.query ?? '') ?? []).filter((party) => !body.kpp || party.kpp === body.kpp);
      res.end(JSON.stringify(suggestionsOf(found)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/suggestions/api/4_1/rs`,
    received,
    add,
    failNext(count, how) {
      failures = { count, how };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const end of hanging) end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
