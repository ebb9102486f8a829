import { useMutation, useQuery } from '@tanstack/react-query';
import { accountsKeys } from './accounts';
import { api, unwrap, type Json } from './client';
import { useInvalidate } from './invalidate';
import type { paths } from './schema';
import { idempotencyHeader } from './idempotency';

export type Payment = Json<paths['/api/v1/customers/{customerId}/accounts/{accountId}/payments/{paymentId}']['get']['responses'][200]>;
export type PaymentStatus = Payment['status'];
export type Invoice = Json<paths['/api/v1/customers/{customerId}/accounts/{accountId}/invoices']['get']['responses'][200]>['items'][number];
export type CreatedInvoice = Json<paths['/api/v1/customers/{customerId}/accounts/{accountId}/invoices']['post']['responses'][201]>;
export type PublicInvoice = Json<paths['/api/v1/public/invoices/{token}']['get']['responses'][200]>;
export type TestGatewayPayment = Json<paths['/api/v1/test-gateway/payments/{gatewayPaymentId}']['get']['responses'][200]>;
export type Requisites = NonNullable<Json<paths['/api/v1/backoffice/payments/requisites']['get']['responses'][200]>['requisites']>;

export const paymentsKeys = {
  /** Under the account's key: invalidating the account refreshes its payments too. */
  payments: (customerId: string, accountId: string) => [...accountsKeys.account(customerId, accountId), 'payments'] as const,
  payment: (customerId: string, accountId: string, paymentId: string) => [...paymentsKeys.payments(customerId, accountId), paymentId] as const,
  invoices: (customerId: string, accountId: string) => [...accountsKeys.account(customerId, accountId), 'invoices'] as const,
  public: ['payments-public'] as const,
  requisites: ['payments-requisites'] as const,
};

/** While a payment waits for the gateway's word, ask again every few seconds. */
const POLL_MS = 3000;

export function useAccountPayments(customerId: string, accountId: string) {
  return useQuery({
    queryKey: paymentsKeys.payments(customerId, accountId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/customers/{customerId}/accounts/{accountId}/payments', { params: { path: { customerId, accountId }, query: { limit: 50 } }, signal })),
  });
}

export function useAccountPayment(customerId: string, accountId: string, paymentId: string | null) {
  return useQuery({
    queryKey: paymentsKeys.payment(customerId, accountId, paymentId ?? ''),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/customers/{customerId}/accounts/{accountId}/payments/{paymentId}', { params: { path: { customerId, accountId, paymentId: paymentId! } }, signal })),
    enabled: paymentId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? POLL_MS : false),
  });
}

export function useCreatePayment(customerId: string, accountId: string) {
  const invalidate = useInvalidate(paymentsKeys.payments(customerId, accountId));
  return useMutation({
    mutationFn: ({ amount, idempotencyKey }: { amount: number; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/customers/{customerId}/accounts/{accountId}/payments', {
          params: { path: { customerId, accountId } },
          headers: idempotencyHeader(idempotencyKey),
          body: { amount },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useAccountInvoices(customerId: string, accountId: string) {
  return useQuery({
    queryKey: paymentsKeys.invoices(customerId, accountId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/customers/{customerId}/accounts/{accountId}/invoices', { params: { path: { customerId, accountId } }, signal })),
  });
}

export function useCreateInvoice(customerId: string, accountId: string) {
  const invalidate = useInvalidate(paymentsKeys.invoices(customerId, accountId));
  return useMutation({
    mutationFn: ({ amount, idempotencyKey }: { amount: number; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/customers/{customerId}/accounts/{accountId}/invoices', {
          params: { path: { customerId, accountId } },
          headers: idempotencyHeader(idempotencyKey),
          body: { amount },
        }),
      ),
    onSuccess: invalidate,
  });
}

/** The invoice's PDF: a plain link, so the browser downloads it with the session cookie. */
export function invoicePdfUrl(customerId: string, accountId: string, invoiceId: string): string {
  return `/api/v1/customers/${encodeURIComponent(customerId)}/accounts/${encodeURIComponent(accountId)}/invoices/${encodeURIComponent(invoiceId)}/pdf`;
}

export function usePublicInvoice(token: string) {
  return useQuery({
    queryKey: [...paymentsKeys.public, 'invoice', token],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/public/invoices/{token}', { params: { path: { token } }, signal })),
    retry: false,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? POLL_MS : false),
  });
}

export function usePayPublicInvoice(token: string) {
  return useMutation({
    // No Idempotency-Key: its record would keep the link's token. The server offers a waiting payment again instead.
    mutationFn: () => unwrap(api.POST('/api/v1/public/invoices/{token}/payments', { params: { path: { token } } })),
  });
}

export function usePublicPaymentStatus(ownerId: string, paymentId: string) {
  return useQuery({
    queryKey: [...paymentsKeys.public, 'payment', ownerId, paymentId],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/public/payments/{ownerId}/{paymentId}', { params: { path: { ownerId, paymentId } }, signal })),
    retry: false,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? POLL_MS : false),
  });
}

export function useTestGatewayPayment(gatewayPaymentId: string) {
  return useQuery({
    queryKey: [...paymentsKeys.public, 'test-gateway', gatewayPaymentId],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/test-gateway/payments/{gatewayPaymentId}', { params: { path: { gatewayPaymentId } }, signal })),
    retry: false,
  });
}

export function useDecideTestGatewayPayment(gatewayPaymentId: string) {
  return useMutation({
    mutationFn: (action: 'pay' | 'cancel') =>
      unwrap(
        action === 'pay'
          ? api.POST('/api/v1/test-gateway/payments/{gatewayPaymentId}/pay', { params: { path: { gatewayPaymentId } } })
          : api.POST('/api/v1/test-gateway/payments/{gatewayPaymentId}/cancel', { params: { path: { gatewayPaymentId } } }),
      ),
  });
}

export function useRequisites() {
  return useQuery({
    queryKey: paymentsKeys.requisites,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/backoffice/payments/requisites', { signal })),
  });
}

export function useSetRequisites() {
  const invalidate = useInvalidate(paymentsKeys.requisites);
  return useMutation({
    mutationFn: (body: Requisites) => unwrap(api.PUT('/api/v1/backoffice/payments/requisites', { body })),
    onSuccess: invalidate,
  });
}
