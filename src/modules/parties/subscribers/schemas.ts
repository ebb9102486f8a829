import { Type } from 'typebox';
import { DateTime, Id } from '../../../platform/http/schemas.ts';
import { CustomerKind, CustomerStatus, Nullable } from '../schemas.ts';


export const SubscriberCode = Type.String({ pattern: '^[0-9]{1,5}$', description: 'The subscriber code: 1 to 5 digits', examples: ['4217'] });
const Detail = Type.Union([Type.Literal('contractNumber'), Type.Literal('inn')]);

export const CheckBody = Type.Object({ subscriberCode: SubscriberCode }, { additionalProperties: false });

export const CheckResponse = Type.Object({
  subscriberCode: SubscriberCode,
  details: Type.Array(Detail, { description: 'The details that prove the code is the caller’s; any one of them will do. Nothing else about the subscriber is told.' }),
});

export const ConfirmBody = Type.Object(
  {
    subscriberCode: SubscriberCode,
    contractNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'As printed in the contract; case, spaces and dashes do not matter' })),
    inn: Type.Optional(Type.String({ pattern: '^[0-9 ]{10,14}$', description: 'The subscriber’s INN (10 or 12 digits)' })),
  },
  { additionalProperties: false, description: 'The subscriber code and exactly one detail: contractNumber or inn' },
);

export const ConfirmResponse = Type.Object({
  claimToken: Type.String({ description: 'Redeem it with POST /subscriber-registrations/complete once signed in; valid 30 minutes' }),
  expiresAt: DateTime,
  subscriberCode: SubscriberCode,
});

export const CompleteBody = Type.Object({ claimToken: Type.String({ minLength: 16, maxLength: 128 }) }, { additionalProperties: false });

const ActivationStatus = Type.Union([Type.Literal('awaiting_papers'), Type.Literal('activated'), Type.Literal('rejected')]);

export const RegistrationResponse = Type.Object({
  customerId: Id,
  activationId: Id,
  status: ActivationStatus,
  subscriberCode: Type.String(),
  customerName: Type.String(),
});

export const CustomerPaperParams = Type.Object({ customerId: Id });

export const PdfFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'A PDF document' });

export const MyActivationResponse = Type.Object({
  id: Id,
  status: ActivationStatus,
  subscriberCode: Nullable(Type.String()),
  accountNumber: Type.String(),
  contractNumber: Nullable(Type.String()),
  createdAt: DateTime,
  papersReceivedAt: Nullable(DateTime),
});

// --- back office ---

export const QueueQuery = Type.Object({
  status: Type.Optional(ActivationStatus),
  query: Type.Optional(Type.String({ maxLength: 200, description: 'A subscriber code, account number, INN, or a part of the customer’s or user’s name or email' })),
  cursor: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});

export const ActivationParams = Type.Object({ subscriberId: Id, id: Id });

const Account = Type.Object({
  number: Type.String(),
  subscriberCode: Nullable(Type.String()),
  contractNumber: Nullable(Type.String()),
  address: Nullable(Type.String()),
});
const Person = Type.Object({ id: Id, name: Type.String(), email: Type.String() });

export const QueueItem = Type.Object({
  id: Id,
  subscriberId: Id,
  status: ActivationStatus,
  customer: Type.Object({ name: Type.String(), kind: CustomerKind, inn: Nullable(Type.String()), kpp: Nullable(Type.String()) }),
  account: Account,
  user: Person,
  hasScan: Type.Boolean(),
  reason: Nullable(Type.String()),
  createdAt: DateTime,
  papersReceivedAt: Nullable(DateTime),
});

export const QueuePage = Type.Object({
  items: Type.Array(QueueItem),
  nextCursor: Nullable(Id),
  counts: Type.Object({ awaiting: Type.Integer(), activated: Type.Integer(), rejected: Type.Integer() }),
});

export const ActivationDetail = Type.Object({
  id: Id,
  subscriberId: Id,
  status: ActivationStatus,
  customer: Type.Object({ name: Type.String(), kind: CustomerKind, inn: Nullable(Type.String()), kpp: Nullable(Type.String()), status: CustomerStatus }),
  account: Type.Object({ ...Account.properties, kind: Type.String() }),
  user: Person,
  reason: Nullable(Type.String()),
  scan: Nullable(Type.Object({ type: Type.String(), name: Type.String(), size: Type.Integer() })),
  createdAt: DateTime,
  papersReceivedAt: Nullable(DateTime),
  trail: Type.Array(
    Type.Object({
      id: Id,
      at: DateTime,
      event: Type.String({ description: 'subscriber.registered, subscriber.activated, subscriber.rejected' }),
      actor: Nullable(Type.Object({ id: Id, name: Type.String() })),
      reason: Nullable(Type.String()),
      scanName: Nullable(Type.String()),
    }),
  ),
});

export const BulkBody = Type.Object(
  { items: Type.Array(Type.Object({ subscriberId: Id, id: Id }, { additionalProperties: false }), { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);

export const BulkResponse = Type.Object({
  results: Type.Array(
    Type.Object({
      subscriberId: Id,
      id: Id,
      outcome: Type.Union([Type.Literal('activated'), Type.Literal('already_activated'), Type.Literal('rejected'), Type.Literal('not_found')]),
    }),
  ),
});

export const RejectBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
