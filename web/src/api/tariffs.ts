import { useMutation, useQuery } from '@tanstack/react-query';
import { accountsKeys } from './accounts';
import { api, unwrap, type Json } from './client';
import { useInvalidate } from './invalidate';
import type { paths } from './schema';
import { idempotencyHeader } from './idempotency';

type AccountPath<P extends string> = paths[`/api/v1/customers/{customerId}/accounts/{accountId}${P}` & keyof paths];
export type AccountTariff = Json<AccountPath<'/tariff'>['get']['responses'][200]>;
export type PlanAssignment = NonNullable<AccountTariff['current']>;
export type PlanOffer = Json<AccountPath<'/tariff/offers'>['get']['responses'][200]>['items'][number];
export type ChangeResult = Json<AccountPath<'/tariff/change'>['post']['responses'][200]>;
export type AccountServices = Json<AccountPath<'/services'>['get']['responses'][200]>;
export type ServiceSubscription = AccountServices['active'][number];
export type ServiceOffer = AccountServices['available'][number];
export type OrderResult = Json<AccountPath<'/services'>['post']['responses'][201]>;
export type TariffPlan = Json<paths['/api/v1/backoffice/tariffs/plans']['get']['responses'][200]>['items'][number];
export type AddonService = Json<paths['/api/v1/backoffice/tariffs/services']['get']['responses'][200]>['items'][number];
export type CreatePlanInput = Json<paths['/api/v1/backoffice/tariffs/plans']['post']['requestBody']>;
export type UpdatePlanInput = Json<paths['/api/v1/backoffice/tariffs/plans/{code}']['put']['requestBody']>;
export type CreateServiceInput = Json<paths['/api/v1/backoffice/tariffs/services']['post']['requestBody']>;
export type UpdateServiceInput = Json<paths['/api/v1/backoffice/tariffs/services/{code}']['put']['requestBody']>;

export const tariffsKeys = {
  /** Under the account's key: invalidating the account refreshes its plan and services too. */
  tariff: (customerId: string, accountId: string) => [...accountsKeys.account(customerId, accountId), 'tariff'] as const,
  history: (customerId: string, accountId: string) => [...accountsKeys.account(customerId, accountId), 'tariff', 'history'] as const,
  offers: (customerId: string, accountId: string) => [...accountsKeys.account(customerId, accountId), 'tariff', 'offers'] as const,
  services: (customerId: string, accountId: string) => [...accountsKeys.account(customerId, accountId), 'services'] as const,
  catalog: ['backoffice', 'tariffs'] as const,
  plans: () => [...tariffsKeys.catalog, 'plans'] as const,
  addons: () => [...tariffsKeys.catalog, 'services'] as const,
};

const accountParams = (customerId: string, accountId: string) => ({ params: { path: { customerId, accountId } } });

export function useAccountTariff(customerId: string, accountId: string) {
  return useQuery({
    queryKey: tariffsKeys.tariff(customerId, accountId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/customers/{customerId}/accounts/{accountId}/tariff', { ...accountParams(customerId, accountId), signal })),
  });
}

export function usePlanHistory(customerId: string, accountId: string) {
  return useQuery({
    queryKey: tariffsKeys.history(customerId, accountId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/customers/{customerId}/accounts/{accountId}/tariff/history', { ...accountParams(customerId, accountId), signal })),
  });
}

export function usePlanOffers(customerId: string, accountId: string) {
  return useQuery({
    queryKey: tariffsKeys.offers(customerId, accountId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/customers/{customerId}/accounts/{accountId}/tariff/offers', { ...accountParams(customerId, accountId), signal })),
  });
}

export function useAccountServices(customerId: string, accountId: string) {
  return useQuery({
    queryKey: tariffsKeys.services(customerId, accountId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/customers/{customerId}/accounts/{accountId}/services', { ...accountParams(customerId, accountId), signal })),
  });
}

/** Balance, status, plan and services all change: the whole account is refreshed. */
function useAccountInvalidate(customerId: string, accountId: string) {
  return useInvalidate(accountsKeys.account(customerId, accountId), accountsKeys.list(customerId));
}

/** Changes the plan; the key (one per confirm dialog) makes a repeated click or a retry change nothing twice. */
export function useChangePlan(customerId: string, accountId: string) {
  const invalidate = useAccountInvalidate(customerId, accountId);
  return useMutation({
    mutationFn: ({ planCode, idempotencyKey }: { planCode: string; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/customers/{customerId}/accounts/{accountId}/tariff/change', {
          ...accountParams(customerId, accountId),
          headers: idempotencyHeader(idempotencyKey),
          body: { planCode },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useCancelScheduledChange(customerId: string, accountId: string) {
  const invalidate = useAccountInvalidate(customerId, accountId);
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/customers/{customerId}/accounts/{accountId}/tariff/scheduled-change', accountParams(customerId, accountId))),
    onSuccess: invalidate,
  });
}

export function useOrderService(customerId: string, accountId: string) {
  const invalidate = useAccountInvalidate(customerId, accountId);
  return useMutation({
    mutationFn: ({ serviceCode, idempotencyKey }: { serviceCode: string; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/customers/{customerId}/accounts/{accountId}/services', {
          ...accountParams(customerId, accountId),
          headers: idempotencyHeader(idempotencyKey),
          body: { serviceCode },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useCancelService(customerId: string, accountId: string) {
  const invalidate = useAccountInvalidate(customerId, accountId);
  return useMutation({
    mutationFn: ({ serviceCode, idempotencyKey }: { serviceCode: string; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/customers/{customerId}/accounts/{accountId}/services/{serviceCode}/cancel', {
          params: { path: { customerId, accountId, serviceCode } },
          headers: idempotencyHeader(idempotencyKey),
        }),
      ),
    onSuccess: invalidate,
  });
}

// ---- back office ----

export function useTariffPlans() {
  return useQuery({ queryKey: tariffsKeys.plans(), queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/tariffs/plans', { signal })) });
}

export function useAddonServices() {
  return useQuery({ queryKey: tariffsKeys.addons(), queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/tariffs/services', { signal })) });
}

export function useSavePlan() {
  const invalidate = useInvalidate(tariffsKeys.catalog);
  return useMutation({
    mutationFn: (input: { code: string; create: CreatePlanInput | null; update: UpdatePlanInput }) =>
      input.create
        ? unwrap(api.POST('/api/v1/backoffice/tariffs/plans', { body: input.create }))
        : unwrap(api.PUT('/api/v1/backoffice/tariffs/plans/{code}', { params: { path: { code: input.code } }, body: input.update })),
    onSuccess: invalidate,
  });
}

export function useSaveService() {
  const invalidate = useInvalidate(tariffsKeys.catalog);
  return useMutation({
    mutationFn: (input: { code: string; create: CreateServiceInput | null; update: UpdateServiceInput }) =>
      input.create
        ? unwrap(api.POST('/api/v1/backoffice/tariffs/services', { body: input.create }))
        : unwrap(api.PUT('/api/v1/backoffice/tariffs/services/{code}', { params: { path: { code: input.code } }, body: input.update })),
    onSuccess: invalidate,
  });
}

/** Archives or restores a plan or a service. */
export function useSetCatalogStatus() {
  const invalidate = useInvalidate(tariffsKeys.catalog);
  return useMutation({
    mutationFn: ({ kind, code, action }: { kind: 'plans' | 'services'; code: string; action: 'archive' | 'restore' }) => {
      const params = { params: { path: { code } } };
      if (kind === 'plans') {
        return unwrap(action === 'archive' ? api.POST('/api/v1/backoffice/tariffs/plans/{code}/archive', params) : api.POST('/api/v1/backoffice/tariffs/plans/{code}/restore', params));
      }
      return unwrap(action === 'archive' ? api.POST('/api/v1/backoffice/tariffs/services/{code}/archive', params) : api.POST('/api/v1/backoffice/tariffs/services/{code}/restore', params));
    },
    onSuccess: invalidate,
  });
}
