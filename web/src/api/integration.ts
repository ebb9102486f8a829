import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useReauthGuard } from '../app/reauth';
import { api, unwrap, type Json } from './client';
import { useInvalidate } from './invalidate';
import type { paths } from './schema';

export type IntegrationCatalog = Json<paths['/api/v1/backoffice/integration/catalog']['get']['responses'][200]>;
export type ApiScope = IntegrationCatalog['scopes'][number]['scope'];
export type EventType = IntegrationCatalog['eventTypes'][number];
export type ApiToken = Json<paths['/api/v1/backoffice/integration/tokens']['get']['responses'][200]>['items'][number];
export type NewApiToken = Json<paths['/api/v1/backoffice/integration/tokens']['post']['requestBody']>;
export type ApiTokenCreated = Json<paths['/api/v1/backoffice/integration/tokens']['post']['responses'][201]>;
export type WebhookEndpoint = Json<paths['/api/v1/backoffice/integration/webhooks']['get']['responses'][200]>['items'][number];
export type NewWebhookEndpoint = Json<paths['/api/v1/backoffice/integration/webhooks']['post']['requestBody']>;
export type WebhookEndpointCreated = Json<paths['/api/v1/backoffice/integration/webhooks']['post']['responses'][201]>;
export type WebhookEndpointChange = Json<paths['/api/v1/backoffice/integration/webhooks/{id}']['patch']['requestBody']>;
export type WebhookDelivery = Json<paths['/api/v1/backoffice/integration/deliveries']['get']['responses'][200]>['items'][number];
export type DeliveryStatus = WebhookDelivery['status'];
export type DeliveryFilter = { endpointId?: string; status?: DeliveryStatus };

const DELIVERIES_PAGE_SIZE = 50;

export const integrationKeys = {
  all: ['integration'] as const,
  catalog: () => [...integrationKeys.all, 'catalog'] as const,
  tokens: () => [...integrationKeys.all, 'tokens'] as const,
  webhooks: () => [...integrationKeys.all, 'webhooks'] as const,
  deliveries: (filter: DeliveryFilter = {}) => [...integrationKeys.all, 'deliveries', filter] as const,
};

export function useIntegrationCatalog() {
  return useQuery({
    queryKey: integrationKeys.catalog(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/integration/catalog', { signal })),
    staleTime: Infinity,
  });
}

export function useApiTokens() {
  return useQuery({
    queryKey: integrationKeys.tokens(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/integration/tokens', { signal })),
  });
}

export function useCreateApiToken() {
  const invalidate = useInvalidate(integrationKeys.tokens());
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (body: NewApiToken) => guard(() => unwrap(api.POST('/api/v1/backoffice/integration/tokens', { body }))),
    onSuccess: invalidate,
  });
}

export function useRevokeApiToken() {
  const invalidate = useInvalidate(integrationKeys.tokens());
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (id: string) => guard(() => unwrap(api.POST('/api/v1/backoffice/integration/tokens/{id}/revoke', { params: { path: { id } } }))),
    onSuccess: invalidate,
  });
}

export function useWebhookEndpoints() {
  return useQuery({
    queryKey: integrationKeys.webhooks(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/integration/webhooks', { signal })),
  });
}

export function useCreateWebhookEndpoint() {
  const invalidate = useInvalidate(integrationKeys.webhooks());
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (body: NewWebhookEndpoint) => guard(() => unwrap(api.POST('/api/v1/backoffice/integration/webhooks', { body }))),
    onSuccess: invalidate,
  });
}

export function useUpdateWebhookEndpoint() {
  const invalidate = useInvalidate(integrationKeys.webhooks());
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: WebhookEndpointChange }) =>
      guard(() => unwrap(api.PATCH('/api/v1/backoffice/integration/webhooks/{id}', { params: { path: { id } }, body: change }))),
    onSuccess: invalidate,
  });
}

export function useDeleteWebhookEndpoint() {
  const invalidate = useInvalidate(integrationKeys.webhooks(), integrationKeys.deliveries());
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (id: string) => guard(() => unwrap(api.DELETE('/api/v1/backoffice/integration/webhooks/{id}', { params: { path: { id } } }))),
    onSuccess: invalidate,
  });
}

/** Recent deliveries, newest first, a page at a time («Показать ещё»). */
export function useWebhookDeliveries(filter: DeliveryFilter) {
  return useInfiniteQuery({
    queryKey: integrationKeys.deliveries(filter),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/backoffice/integration/deliveries', {
          signal,
          params: { query: { ...filter, limit: DELIVERIES_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '' as string,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useRetryWebhookDelivery() {
  const invalidate = useInvalidate(integrationKeys.all);
  const guard = useReauthGuard();
  return useMutation({
    mutationFn: (id: string) => guard(() => unwrap(api.POST('/api/v1/backoffice/integration/deliveries/{id}/retry', { params: { path: { id } } }))),
    onSuccess: invalidate,
  });
}
