import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { i18n } from '../i18n';
import { api, unwrap, type Json } from './client';
import { useInvalidate } from './invalidate';
import { partiesKeys } from './parties';
import { ApiError } from './problem';
import type { paths } from './schema';

export type SubscriberDetail = Json<paths['/api/v1/subscriber-registrations/check']['post']['responses'][200]>['details'][number];
export type Claim = Json<paths['/api/v1/subscriber-registrations/confirm']['post']['responses'][200]>;
export type SubscriberRegistration = Json<paths['/api/v1/subscriber-registrations/complete']['post']['responses'][200]>;
export type MyActivation = Json<paths['/api/v1/customers/{customerId}/activation']['get']['responses'][200]>;
export type ActivationStatus = MyActivation['status'];
export type ActivationQueuePage = Json<paths['/api/v1/backoffice/activations']['get']['responses'][200]>;
export type ActivationQueueItem = ActivationQueuePage['items'][number];
export type ActivationDetail = Json<paths['/api/v1/backoffice/activations/{subscriberId}/{id}']['get']['responses'][200]>;
export type BulkOutcome = Json<paths['/api/v1/backoffice/activations/papers-received']['post']['responses'][200]>['results'][number]['outcome'];
export type Paper = 'settlement-agreement' | 'access-request';

export const papers: readonly Paper[] = ['settlement-agreement', 'access-request'];
export const activationStatuses = ['awaiting_papers', 'activated', 'rejected'] as const satisfies readonly ActivationStatus[];

const QUEUE_PAGE_SIZE = 50;

export const subscribersKeys = {
  all: ['subscribers'] as const,
  mine: (customerId: string) => [...subscribersKeys.all, 'mine', customerId] as const,
  queue: () => [...subscribersKeys.all, 'queue'] as const,
  queuePage: (status: ActivationStatus, query: string) => [...subscribersKeys.queue(), 'list', status, query] as const,
  activation: (subscriberId: string, id: string) => [...subscribersKeys.queue(), 'detail', subscriberId, id] as const,
};

/** Where the browser downloads one of the two papers (the session cookie goes along). */
export function paperUrl(customerId: string, paper: Paper): string {
  return `/api/v1/customers/${encodeURIComponent(customerId)}/papers/${paper}.pdf`;
}

export function scanUrl(subscriberId: string, id: string): string {
  return `/api/v1/backoffice/activations/${encodeURIComponent(subscriberId)}/${encodeURIComponent(id)}/scan`;
}

// --- the person registering -------------------------------------------------------------------

export function useCheckSubscriberCode() {
  return useMutation({
    mutationFn: (subscriberCode: string) => unwrap(api.POST('/api/v1/subscriber-registrations/check', { body: { subscriberCode } })),
  });
}

export function useConfirmSubscriberCode() {
  return useMutation({
    mutationFn: (body: { subscriberCode: string; contractNumber?: string; inn?: string }) =>
      unwrap(api.POST('/api/v1/subscriber-registrations/confirm', { body })),
  });
}

/** Redeems the claim once signed in; the new waiting membership then shows in the header and the cabinet. */
export function useCompleteSubscriberRegistration() {
  const invalidate = useInvalidate(partiesKeys.mine());
  return useMutation({
    mutationFn: (claimToken: string) => unwrap(api.POST('/api/v1/subscriber-registrations/complete', { body: { claimToken } })),
    onSuccess: invalidate,
  });
}

/** The user's own registration by code at a customer (while it waits, and after). */
export function useMyActivation(customerId: string) {
  return useQuery({
    queryKey: subscribersKeys.mine(customerId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/customers/{customerId}/activation', { params: { path: { customerId } }, signal })),
  });
}

// --- the staff's queue ------------------------------------------------------------------------

export function useActivationQueue(status: ActivationStatus, query: string) {
  return useInfiniteQuery({
    queryKey: subscribersKeys.queuePage(status, query),
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/v1/backoffice/activations', {
          signal,
          params: { query: { status, limit: QUEUE_PAGE_SIZE, ...(query ? { query } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useActivation(subscriberId: string, id: string) {
  return useQuery({
    queryKey: subscribersKeys.activation(subscriberId, id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/activations/{subscriberId}/{id}', { params: { path: { subscriberId, id } }, signal })),
  });
}

/** A decision changes the queue, its counts, the navigation's badge and the activation itself. */
const useInvalidateQueue = () => useInvalidate(subscribersKeys.queue(), partiesKeys.queues());

/**
 * «Документы получены», with the scan if there is one. The scan goes as multipart/form-data, which
 * the generated client does not describe, so this one request is made with fetch.
 */
export function useReceivePapers() {
  const invalidate = useInvalidateQueue();
  return useMutation({
    mutationFn: async ({ subscriberId, id, scan }: { subscriberId: string; id: string; scan: File | null }): Promise<ActivationDetail> => {
      const url = `/api/v1/backoffice/activations/${encodeURIComponent(subscriberId)}/${encodeURIComponent(id)}/papers-received`;
      if (!scan) return unwrap(api.POST('/api/v1/backoffice/activations/{subscriberId}/{id}/papers-received', { params: { path: { subscriberId, id } } }));
      const form = new FormData();
      form.append('scan', scan, scan.name);
      const response = await fetch(url, { method: 'POST', body: form, headers: { 'Accept-Language': i18n.language }, credentials: 'same-origin' });
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) throw new ApiError(response.status, body);
      return body as ActivationDetail;
    },
    onSuccess: invalidate,
  });
}

export function useReceivePapersInBulk() {
  const invalidate = useInvalidateQueue();
  return useMutation({
    mutationFn: (items: Array<{ subscriberId: string; id: string }>) => unwrap(api.POST('/api/v1/backoffice/activations/papers-received', { body: { items } })),
    onSuccess: invalidate,
  });
}

export function useRejectActivation() {
  const invalidate = useInvalidateQueue();
  return useMutation({
    mutationFn: ({ subscriberId, id, reason }: { subscriberId: string; id: string; reason: string }) =>
      unwrap(api.POST('/api/v1/backoffice/activations/{subscriberId}/{id}/reject', { params: { path: { subscriberId, id } }, body: { reason } })),
    onSuccess: invalidate,
  });
}
