import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { accountsKeys } from './accounts';
import { api, unwrap, type Json } from './client';
import type { paths } from './schema';

type EntriesQuery = NonNullable<paths['/api/v1/customers/{customerId}/accounts/{accountId}/entries']['get']['parameters']['query']>;
type UsageQuery = NonNullable<paths['/api/v1/customers/{customerId}/accounts/{accountId}/usage']['get']['parameters']['query']>;

export type LedgerEntry = Json<paths['/api/v1/customers/{customerId}/accounts/{accountId}/entries']['get']['responses'][200]>['items'][number];
export type EntryKind = LedgerEntry['kind'];
export type Statement = Json<paths['/api/v1/customers/{customerId}/accounts/{accountId}/statement']['get']['responses'][200]>;
export type UsageReport = Json<paths['/api/v1/customers/{customerId}/accounts/{accountId}/usage']['get']['responses'][200]>;
export type UsageMetric = NonNullable<UsageQuery['metric']>;
export type ExportFormat = 'csv' | 'xlsx';

export const ENTRY_KINDS: readonly EntryKind[] = ['charge', 'payment', 'correction', 'promised_credit', 'promised_reversal'];
const PAGE_SIZE = 50;

/** What the history is filtered by; periods are calendar dates in the provider's time zone. */
export interface EntryFilter {
  kind?: EntryKind[];
  chargeType?: 'one_time' | 'periodic';
  from?: string;
  to?: string;
}

/** Under the account's key, so a payment or a charge refreshes the history, the statement and the charts. */
export const ledgerKeys = {
  entries: (customerId: string, accountId: string, filter: EntryFilter) => [...accountsKeys.account(customerId, accountId), 'entries', filter] as const,
  statement: (customerId: string, accountId: string, from: string, to: string) => [...accountsKeys.account(customerId, accountId), 'statement', from, to] as const,
  usage: (customerId: string, accountId: string, query: UsageQuery) => [...accountsKeys.account(customerId, accountId), 'usage', query] as const,
};

function entriesQuery(filter: EntryFilter): EntriesQuery {
  return {
    ...(filter.kind && filter.kind.length > 0 ? { kind: filter.kind } : {}),
    ...(filter.chargeType ? { chargeType: filter.chargeType } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
  };
}

export function useAccountEntries(customerId: string, accountId: string, filter: EntryFilter) {
  return useInfiniteQuery({
    queryKey: ledgerKeys.entries(customerId, accountId, filter),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/customers/{customerId}/accounts/{accountId}/entries', {
          signal,
          params: { path: { customerId, accountId }, query: { ...entriesQuery(filter), limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useAccountStatement(customerId: string, accountId: string, period: { from: string; to: string } | null) {
  return useQuery({
    queryKey: ledgerKeys.statement(customerId, accountId, period?.from ?? '', period?.to ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/customers/{customerId}/accounts/{accountId}/statement', { signal, params: { path: { customerId, accountId }, query: period! } })),
    enabled: period !== null,
    placeholderData: keepPreviousData,
  });
}

export function useAccountUsage(customerId: string, accountId: string, query: UsageQuery) {
  return useQuery({
    queryKey: ledgerKeys.usage(customerId, accountId, query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/customers/{customerId}/accounts/{accountId}/usage', { signal, params: { path: { customerId, accountId }, query } })),
    placeholderData: keepPreviousData,
  });
}

function accountUrl(customerId: string, accountId: string, path: string, query: URLSearchParams): string {
  return `/api/v1/customers/${encodeURIComponent(customerId)}/accounts/${encodeURIComponent(accountId)}/${path}?${query}`;
}

/** A link that downloads the filtered history (the session cookie goes with it; the file names itself). */
export function entriesExportUrl(customerId: string, accountId: string, filter: EntryFilter, format: ExportFormat): string {
  const query = new URLSearchParams();
  for (const kind of filter.kind ?? []) query.append('kind', kind);
  if (filter.chargeType) query.set('chargeType', filter.chargeType);
  if (filter.from) query.set('from', filter.from);
  if (filter.to) query.set('to', filter.to);
  query.set('format', format);
  return accountUrl(customerId, accountId, 'entries/export', query);
}

/** A link that downloads the statement for a period with all its entries. */
export function statementExportUrl(customerId: string, accountId: string, period: { from: string; to: string }, format: ExportFormat): string {
  return accountUrl(customerId, accountId, 'statement/export', new URLSearchParams({ ...period, format }));
}
