import type { CompanyRegistry, RegistryAnswer, RegistryParty } from './registry.ts';

/** A DaData-compatible «find party by id» service (suggestions.dadata.ru/suggestions/api/4_1/rs). */
export interface HttpRegistryOptions {
  /** The API base; the adapter POSTs to `${url}/findById/party`. */
  url: URL;
  token: string | undefined;
  timeoutMs: number;
}

/** The part of DaData's party suggestion we read; anything may be missing or null. */
interface DadataParty {
  inn?: string | null;
  kpp?: string | null;
  ogrn?: string | null;
  type?: string | null;
  branch_type?: string | null;
  name?: { full_with_opf?: string | null; short_with_opf?: string | null; full?: string | null } | null;
  fio?: { surname?: string | null; name?: string | null; patronymic?: string | null } | null;
  address?: { value?: string | null; unrestricted_value?: string | null } | null;
  management?: { name?: string | null; post?: string | null } | null;
  state?: { status?: string | null } | null;
}

interface DadataAnswer {
  suggestions?: Array<{ value?: string; data?: DadataParty | null }>;
}

export function createHttpRegistry(options: HttpRegistryOptions): CompanyRegistry {
  const endpoint = new URL(`${options.url.pathname.replace(/\/+$/, '')}/findById/party`, options.url);
  return {
    async findParty(inn, kpp): Promise<RegistryAnswer> {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (options.token) headers.authorization = `Token ${options.token}`;
      let response: Response;
      let answer: DadataAnswer;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers,
          body: JSON.stringify(kpp ? { query: inn, kpp } : { query: inn }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        if (!response.ok) {
          await response.body?.cancel();
          // 401/403: a missing or wrong token; 429: our quota; 5xx: theirs. None says anything about the INN.
          return { result: 'unavailable', reason: `${endpoint.host} answered HTTP ${response.status}` };
        }
        answer = (await response.json()) as DadataAnswer;
      } catch (error) {
        // The token travels in a header and never reaches the reason.
        return { result: 'unavailable', reason: `${endpoint.host}: ${describe(error)}` };
      }
      const candidates = (answer.suggestions ?? []).map((suggestion) => suggestion.data).filter((data): data is DadataParty => Boolean(data?.inn));
      const chosen = kpp
        ? candidates.find((data) => data.kpp === kpp)
        : (candidates.find((data) => data.branch_type === 'MAIN') ?? candidates[0]);
      if (!chosen) return { result: 'not_found', source: 'http' };
      return { result: 'found', party: toParty(chosen), source: 'http' };
    },
  };
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function toParty(data: DadataParty): RegistryParty {
  const individual = data.type === 'INDIVIDUAL';
  const person = [data.fio?.surname, data.fio?.name, data.fio?.patronymic].map(text).filter(Boolean).join(' ');
  const name = text(data.name?.full_with_opf) ?? text(data.name?.full) ?? text(data.name?.short_with_opf) ?? '';
  return {
    kind: individual ? 'sole_proprietor' : 'legal_entity',
    inn: data.inn ?? '',
    kpp: individual ? null : text(data.kpp),
    ogrn: text(data.ogrn),
    name,
    shortName: text(data.name?.short_with_opf),
    legalAddress: text(data.address?.value) ?? text(data.address?.unrestricted_value),
    // A sole proprietor heads their own business; DaData names the person, not a manager.
    headName: individual ? (person || text(data.name?.full)) : text(data.management?.name),
    headTitle: individual ? null : text(data.management?.post),
    liquidated: data.state?.status === 'LIQUIDATED',
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out';
    const code = (error.cause as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
