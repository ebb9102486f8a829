import { Type, type Static } from 'typebox';
import { DateTime, Id, Nullable } from '../../platform/http/schemas.ts';
import { Kopecks } from '../accounts/index.ts';

const PositiveKopecks = Type.Integer({ description: 'Money in kopecks (1 ₽ = 100)', minimum: 100, maximum: 100_000_000 });

export const PromisedSettingsBody = Type.Object(
  {
    enabled: Type.Boolean({ description: 'The provider offers promised payments' }),
    limitKind: Type.Enum(['amount', 'days'], { description: "'amount': at most maxAmount; 'days': at most maxDays days of the account's monthly charges" }),
    maxAmount: PositiveKopecks,
    maxDays: Type.Integer({ minimum: 1, maximum: 31 }),
    durationDays: Type.Integer({ minimum: 1, maximum: 30, description: 'How long it lasts before it is reversed' }),
    minIntervalDays: Type.Integer({ minimum: 0, maximum: 365, description: 'Days from one grant to the next' }),
    minAccountAgeDays: Type.Integer({ minimum: 0, maximum: 3650, description: 'Days since the account was opened' }),
    requireNegativeBalance: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const PromisedSettingsResponse = Type.Object({
  ...PromisedSettingsBody.properties,
  updatedAt: DateTime,
  updatedBy: Nullable(Id),
});

export const PromisedPaymentResponse = Type.Object(
  {
    id: Id,
    accountId: Id,
    amount: Kopecks,
    status: Type.Enum(['open', 'reversed']),
    grantedAt: DateTime,
    expiresAt: DateTime,
    reversedAt: Nullable(DateTime),
  },
  { $id: 'PromisedPayment' },
);

const PromisedPaymentRef = Type.Unsafe<Static<typeof PromisedPaymentResponse>>({ $ref: 'PromisedPayment' });

export const IneligibilityResponse = Type.Object({
  code: Type.Enum(['disabled', 'account_closed', 'open', 'interval', 'account_age', 'balance', 'no_charges', 'over_limit']),
  message: Type.String({ description: 'Why, in the language of Accept-Language' }),
});

export const PromisedOverviewResponse = Type.Object({
  rules: Type.Object({
    ...PromisedSettingsBody.properties,
    accountLimit: Type.Integer({ minimum: 0, description: 'The most this account may take, kopecks' }),
    monthlyCharges: Nullable(Kopecks),
  }),
  eligible: Type.Boolean(),
  reasons: Type.Array(IneligibilityResponse),
  amount: Nullable(Kopecks),
  expiresAt: Nullable(DateTime),
  nextAllowedAt: Nullable(DateTime),
  current: Nullable(PromisedPaymentRef),
  history: Type.Array(PromisedPaymentRef),
});

export const PromisedPaymentsForStaff = Type.Object({
  current: Nullable(PromisedPaymentRef),
  history: Type.Array(PromisedPaymentRef),
});

export const StaffAccountParams = Type.Object({ ownerId: Id, accountId: Id });
