import { Type, type Static } from 'typebox';
import { DateTime, Id, Nullable } from '../../platform/http/schemas.ts';
import { IsoDate, Kopecks } from '../accounts/index.ts';

export const Code = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{1,39}$', description: 'Latin lowercase letters, digits, _ and -; 2–40 characters' });
const AccountKind = Type.Enum(['internet', 'water', 'acquiring', 'trade']);
const Price = Type.Integer({ minimum: 0, maximum: 100_000_000_00, description: 'Monthly price in kopecks' });
const Name = Type.String({ minLength: 1, maxLength: 120 });
const Description = Nullable(Type.String({ maxLength: 2000 }));
const Status = Type.Enum(['active', 'archived']);

export const PlanResponse = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    description: Nullable(Type.String()),
    accountKind: AccountKind,
    monthlyPrice: Kopecks,
    selfService: Type.Boolean({ description: 'Offered to customers in the cabinet' }),
    immediateChange: Type.Boolean({ description: 'A change to this plan applies the same day, prorated by days' }),
    status: Status,
  },
  { $id: 'TariffPlan' },
);
const PlanRef = Type.Unsafe<Static<typeof PlanResponse>>({ $ref: 'TariffPlan' });

export const ServiceResponse = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    description: Nullable(Type.String()),
    accountKind: AccountKind,
    monthlyPrice: Kopecks,
    selfService: Type.Boolean(),
    status: Status,
  },
  { $id: 'AddonService' },
);
const ServiceRef = Type.Unsafe<Static<typeof ServiceResponse>>({ $ref: 'AddonService' });

export const AssignmentResponse = Type.Object(
  {
    id: Id,
    planCode: Type.String(),
    planName: Type.String(),
    monthlyPrice: Kopecks,
    validFrom: IsoDate,
    validTo: Nullable({ ...IsoDate, description: 'The first day the plan no longer applies (exclusive); null: open' }),
    changeKind: Type.Enum(['assigned', 'next_period', 'immediate']),
    createdAt: DateTime,
  },
  { $id: 'PlanAssignment' },
);
const AssignmentRef = Type.Unsafe<Static<typeof AssignmentResponse>>({ $ref: 'PlanAssignment' });

const ChargeLine = Type.Object({ code: Type.String(), name: Type.String(), kind: Type.Enum(['plan', 'service']), amount: Kopecks });

export const TariffResponse = Type.Object(
  {
    today: IsoDate,
    current: Nullable(AssignmentRef),
    scheduled: Nullable(AssignmentRef),
    nextCharge: Nullable(
      Type.Object({
        date: { ...IsoDate, description: 'The first day of the next billing period' },
        amount: Kopecks,
        items: Type.Array(ChargeLine),
      }),
    ),
  },
  { $id: 'AccountTariff' },
);
const TariffRef = Type.Unsafe<Static<typeof TariffResponse>>({ $ref: 'AccountTariff' });

export const ChangeTerms = Type.Object({
  mode: Type.Enum(['next_period', 'immediate']),
  effectiveFrom: IsoDate,
  credit: { ...Kopecks, description: "Given back today for the old plan's unused days" },
  charge: { ...Kopecks, description: "Charged today for the new plan's remaining days" },
  days: Type.Integer({ description: 'Days the credit and the charge are for' }),
  periodDays: Type.Integer(),
});

export const PlanHistory = Type.Object({ items: Type.Array(AssignmentRef) });

export const PlanOffers = Type.Object({
  today: IsoDate,
  items: Type.Array(Type.Object({ plan: PlanRef, current: Type.Boolean(), scheduled: Type.Boolean(), terms: Nullable(ChangeTerms) })),
});

export const ChangePlanBody = Type.Object({ planCode: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
export const ChangePlanResponse = Type.Object({ terms: ChangeTerms, tariff: TariffRef });

export const SubscriptionResponse = Type.Object(
  {
    id: Id,
    serviceCode: Type.String(),
    serviceName: Type.String(),
    monthlyPrice: Kopecks,
    validFrom: IsoDate,
    validTo: Nullable({ ...IsoDate, description: 'Cancelled: the first day the service no longer works' }),
    createdAt: DateTime,
    cancelledAt: Nullable(DateTime),
  },
  { $id: 'ServiceSubscription' },
);
const SubscriptionRef = Type.Unsafe<Static<typeof SubscriptionResponse>>({ $ref: 'ServiceSubscription' });

const OrderTerms = Type.Object({
  charge: { ...Kopecks, description: 'Charged today for the rest of the month' },
  days: Type.Integer(),
  periodDays: Type.Integer(),
  nextChargeOn: IsoDate,
});

export const AccountServices = Type.Object({
  today: IsoDate,
  active: Type.Array(SubscriptionRef),
  available: Type.Array(Type.Object({ service: ServiceRef, terms: OrderTerms })),
});

export const OrderServiceBody = Type.Object({ serviceCode: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
export const OrderServiceResponse = Type.Object({ subscription: SubscriptionRef, charge: Kopecks, resumed: Type.Boolean() });
export const ServiceParams = Type.Object({ customerId: Id, accountId: Id, serviceCode: Type.String({ minLength: 1, maxLength: 40 }) });

// ---- back office ----

export const PlanList = Type.Object({ items: Type.Array(PlanRef) });
export const ServiceList = Type.Object({ items: Type.Array(ServiceRef) });
export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

const PlanFields = {
  name: Name,
  description: Description,
  monthlyPrice: Price,
  selfService: Type.Boolean(),
  immediateChange: Type.Boolean(),
};
export const CreatePlanBody = Type.Object({ code: Code, accountKind: AccountKind, ...PlanFields }, { additionalProperties: false });
export const UpdatePlanBody = Type.Object(PlanFields, { additionalProperties: false });

const ServiceFields = { name: Name, description: Description, monthlyPrice: Price, selfService: Type.Boolean() };
export const CreateServiceBody = Type.Object({ code: Code, accountKind: AccountKind, ...ServiceFields }, { additionalProperties: false });
export const UpdateServiceBody = Type.Object(ServiceFields, { additionalProperties: false });
