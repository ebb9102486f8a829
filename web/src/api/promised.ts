import { useMutation, useQuery } from '@tanstack/react-query';
import { accountsKeys } from './accounts';
import { api, unwrap, type Json } from './client';
import { useInvalidate } from './invalidate';
import type { paths } from './schema';
import { idempotencyHeader } from './idempotency';

type OverviewPath = paths['/api/v1/customers/{customerId}/accounts/{accountId}/promised-payments'];
export type PromisedOverview = Json<OverviewPath['get']['responses'][200]>;
export type PromisedPayment = Json<OverviewPath['post']['responses'][201]>;
export type PromisedSettings = Json<paths['/api/v1/backoffice/settings/promised-payment']['get']['responses'][200]>;
export type PromisedSettingsInput = Json<paths['/api/v1/backoffice/settings/promised-payment']['put']['requestBody']>;
export type StaffAccount = Json<paths['/api/v1/backoffice/accounts']['get']['responses'][200]>['items'][number];
export type StaffAccountDetail = Json<paths['/api/v1/backoffice/accounts/{ownerId}/{accountId}']['get']['responses'][200]>;
export type VoluntaryBlockInput = Json<paths['/api/v1/customers/{customerId}/accounts/{accountId}/blocks/voluntary']['post']['requestBody']>;

export const promisedKeys = {
  /** Under the account's key: invalidating the account refreshes its promised payment too. */
  overview: (customerId: string, accountId: string) => [...accountsKeys.account(customerId, accountId), 'promised'] as const,
  settings: () => ['promised', 'settings'] as const,
  staff: () => ['backoffice', 'accounts'] as const,
  staffSearch: (q: string) => [...promisedKeys.staff(), 'search', q] as const,
  staffAccount: (ownerId: string, accountId: string) => [...promisedKeys.staff(), ownerId, accountId] as const,
};

export function usePromisedOverview(customerId: string, accountId: string) {
  return useQuery({
    queryKey: promisedKeys.overview(customerId, accountId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/customers/{customerId}/accounts/{accountId}/promised-payments', { params: { path: { customerId, accountId } }, signal })),
  });
}

/** Takes the promised payment; the key makes a repeated click or a retried request grant nothing twice. */
export function useGrantPromisedPayment(customerId: string, accountId: string) {
  const invalidate = useInvalidate(accountsKeys.account(customerId, accountId), accountsKeys.list(customerId));
  return useMutation({
    mutationFn: (idempotencyKey: string) =>
      unwrap(
        api.POST('/api/v1/customers/{customerId}/accounts/{accountId}/promised-payments', {
          params: { path: { customerId, accountId } },
          headers: idempotencyHeader(idempotencyKey),
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useStartVoluntaryBlock(customerId: string, accountId: string) {
  const invalidate = useInvalidate(accountsKeys.account(customerId, accountId), accountsKeys.list(customerId));
  return useMutation({
    mutationFn: (body: VoluntaryBlockInput) =>
      unwrap(api.POST('/api/v1/customers/{customerId}/accounts/{accountId}/blocks/voluntary', { params: { path: { customerId, accountId } }, body })),
    onSuccess: invalidate,
  });
}

export function useEndVoluntaryBlock(customerId: string, accountId: string) {
  const invalidate = useInvalidate(accountsKeys.account(customerId, accountId), accountsKeys.list(customerId));
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/customers/{customerId}/accounts/{accountId}/blocks/voluntary', { params: { path: { customerId, accountId } } })),
    onSuccess: invalidate,
  });
}

export function usePromisedSettings() {
  return useQuery({
    queryKey: promisedKeys.settings(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/settings/promised-payment', { signal })),
  });
}

export function useUpdatePromisedSettings() {
  const invalidate = useInvalidate(promisedKeys.settings());
  return useMutation({
    mutationFn: (body: PromisedSettingsInput) => unwrap(api.PUT('/api/v1/backoffice/settings/promised-payment', { body })),
    onSuccess: invalidate,
  });
}

export function useStaffAccountSearch(q: string) {
  return useQuery({
    queryKey: promisedKeys.staffSearch(q),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/accounts', { params: { query: { q } }, signal })),
    enabled: q !== '',
  });
}

export function useStaffAccount(ownerId: string, accountId: string) {
  return useQuery({
    queryKey: promisedKeys.staffAccount(ownerId, accountId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/accounts/{ownerId}/{accountId}', { params: { path: { ownerId, accountId } }, signal })),
  });
}

export function useStaffPromisedPayments(ownerId: string, accountId: string) {
  return useQuery({
    queryKey: [...promisedKeys.staffAccount(ownerId, accountId), 'promised'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/backoffice/accounts/{ownerId}/{accountId}/promised-payments', { params: { path: { ownerId, accountId } }, signal })),
  });
}

/** Staff block or unblock with a reason; `action` says which. */
export function useStaffBlock(ownerId: string, accountId: string) {
  const invalidate = useInvalidate(promisedKeys.staff());
  return useMutation({
    mutationFn: ({ action, reason }: { action: 'block' | 'unblock'; reason: string }) =>
      action === 'block'
        ? unwrap(api.POST('/api/v1/backoffice/accounts/{ownerId}/{accountId}/block', { params: { path: { ownerId, accountId } }, body: { reason } }))
        : unwrap(api.POST('/api/v1/backoffice/accounts/{ownerId}/{accountId}/unblock', { params: { path: { ownerId, accountId } }, body: { reason } })),
    onSuccess: invalidate,
  });
}
