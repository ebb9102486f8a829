import { Type } from 'typebox';
import { DateTime, Id, Nullable } from '../../platform/http/schemas.ts';

const Amount = Type.Integer({ description: 'Kopecks, from 100 (1 ₽) to 100000000 (1 000 000 ₽)', minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const PaymentStatus = Type.Enum(['pending', 'succeeded', 'canceled']);

export const PaymentParams = Type.Object({ customerId: Id, accountId: Id, paymentId: Id });
export const InvoiceParams = Type.Object({ customerId: Id, accountId: Id, invoiceId: Id });
export const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 128 }) });
export const PublicPaymentParams = Type.Object({ ownerId: Id, paymentId: Id });
export const TestGatewayParams = Type.Object({ gatewayPaymentId: Id });

export const ListQuery = Type.Object({
  cursor: Type.Optional(Id),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
});

export const CreatePaymentBody = Type.Object({ amount: Amount }, { additionalProperties: false });

export const PaymentResponse = Type.Object(
  {
    id: Id,
    accountId: Id,
    amount: Type.Integer(),
    description: Type.String(),
    status: PaymentStatus,
    gateway: Type.Enum(['test', 'yookassa']),
    invoiceId: Nullable(Id),
    /** The gateway's page while the payment waits for the payer; null when the gateway has not answered yet. */
    confirmationUrl: Nullable(Type.String()),
    createdAt: DateTime,
    settledAt: Nullable(DateTime),
  },
  { $id: 'Payment' },
);

export const PaymentList = Type.Object({ items: Type.Array(Type.Unsafe({ $ref: 'Payment' })), nextCursor: Nullable(Id) });

export const CreateInvoiceBody = Type.Object({ amount: Amount }, { additionalProperties: false });

export const InvoiceResponse = Type.Object(
  {
    id: Id,
    accountId: Id,
    number: Type.String(),
    amount: Type.Integer(),
    purpose: Type.String(),
    createdAt: DateTime,
    paidAt: Nullable(DateTime),
  },
  { $id: 'Invoice' },
);

export const CreatedInvoice = Type.Object({
  invoice: Type.Unsafe({ $ref: 'Invoice' }),
  link: Type.String({ description: 'The public payment link; shown only now (only its hash is kept)' }),
});

export const InvoiceList = Type.Object({ items: Type.Array(Type.Unsafe({ $ref: 'Invoice' })) });

export const PdfFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'A PDF document' });

export const PublicInvoiceResponse = Type.Object({
  number: Type.String(),
  amount: Type.Integer(),
  providerName: Type.String(),
  accountNumber: Type.String({ description: 'Masked: its last characters only' }),
  status: Type.Enum(['unpaid', 'pending', 'paid']),
  createdAt: DateTime,
});

export const PublicPaymentResponse = Type.Object({ status: PaymentStatus, amount: Type.Integer() });

export const StartedPayment = Type.Object({
  status: PaymentStatus,
  confirmationUrl: Nullable(Type.String()),
});

export const NotificationBody = Type.Object(
  { type: Type.String(), event: Type.String(), object: Type.Object({ id: Type.String() }, { additionalProperties: true }) },
  { additionalProperties: true, description: 'A YooKassa-style notification; only the payment it names is used' },
);
export const NotificationResponse = Type.Object({ outcome: Type.Enum(['succeeded', 'canceled', 'unchanged', 'mismatch', 'ignored']) });

const Text = (maxLength: number) => Type.String({ maxLength });
export const RequisitesBody = Type.Object(
  {
    payeeName: Text(300),
    inn: Text(20),
    kpp: Nullable(Text(20)),
    address: Nullable(Text(500)),
    bankName: Text(300),
    bic: Text(20),
    settlementAccount: Text(40),
    correspondentAccount: Text(40),
  },
  { additionalProperties: false },
);
export const RequisitesResponse = Type.Object({ requisites: Nullable(RequisitesBody) });

export const TestGatewayPaymentResponse = Type.Object({
  id: Id,
  amount: Type.Integer(),
  description: Type.String(),
  status: PaymentStatus,
  returnUrl: Type.String(),
  providerName: Type.String(),
});
