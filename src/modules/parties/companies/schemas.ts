import { Type } from 'typebox';
import { BoundedText, DateTime, Email, Id } from '../../../platform/http/schemas.ts';
import { CustomerStatus, Nullable } from '../schemas.ts';

// Services return Date; the serializer writes ISO 8601.
export const CompanyKind = Type.Union([Type.Literal('legal_entity'), Type.Literal('sole_proprietor')]);
export const RegistryCheck = Type.Union([Type.Literal('confirmed'), Type.Literal('mismatch'), Type.Literal('not_found'), Type.Literal('unavailable')]);

export const RegistryLookupParams = Type.Object({ inn: Type.String({ maxLength: 20, description: 'INN, 10 or 12 digits' }) });
export const RegistryLookupQuery = Type.Object({ kpp: Type.Optional(Type.String({ maxLength: 20, description: 'A branch’s KPP' })) });

export const RegistryPartyResponse = Type.Object({
  kind: CompanyKind,
  inn: Type.String(),
  kpp: Nullable(Type.String()),
  ogrn: Nullable(Type.String({ description: 'OGRN of a legal entity, OGRNIP of a sole proprietor' })),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  legalAddress: Nullable(Type.String()),
  headName: Nullable(Type.String()),
  headTitle: Nullable(Type.String()),
  liquidated: Type.Boolean(),
});

export const RegistryLookupResponse = Type.Object({
  result: Type.Union([Type.Literal('found'), Type.Literal('not_found'), Type.Literal('unavailable')], {
    description: 'unavailable: the registry could not be asked; the form falls back to manual entry',
  }),
  party: Nullable(RegistryPartyResponse),
  registered: Nullable(Type.Object({ name: Type.String() }, { description: 'A company with this INN (and KPP) already registered here: join it instead' })),
});

const Text = (maxLength: number) => Type.String({ maxLength });

export const CreateCompanyBody = Type.Object(
  {
    kind: CompanyKind,
    inn: Type.String({ minLength: 1, maxLength: 20 }),
    kpp: Type.Optional(Nullable(Text(20))),
    ogrn: Type.String({ minLength: 1, maxLength: 20, description: 'OGRN (13 digits) of a legal entity, OGRNIP (15 digits) of a sole proprietor' }),
    name: BoundedText(500),
    shortName: Type.Optional(Nullable(Text(300))),
    legalAddress: BoundedText(1000),
    headName: BoundedText(300),
    headTitle: Type.Optional(Nullable(Text(300))),
    email: Type.Optional(Nullable(Type.Union([Email, Type.Literal('')]))),
    phone: Type.Optional(Nullable(Text(40))),
  },
  { additionalProperties: false },
);

const CompanyFields = {
  id: Id,
  kind: CompanyKind,
  status: CustomerStatus,
  statusReason: Nullable(Type.String()),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  inn: Type.String(),
  kpp: Nullable(Type.String()),
  ogrn: Nullable(Type.String()),
  legalAddress: Nullable(Type.String()),
  headName: Nullable(Type.String()),
  headTitle: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  createdAt: DateTime,
};

export const CompanyResponse = Type.Object(CompanyFields);

export const CompanyRegistered = Type.Object({
  company: CompanyResponse,
  created: Type.Boolean({ description: 'false: the same user registered this INN a moment ago (a repeated click); the same company is returned' }),
});

export const JoinRequested = Type.Object({
  joinRequest: Type.Object(
    { id: Id, customerId: Id, companyName: Type.String() },
    { description: 'The INN belongs to a company registered by someone else: a request to join it was filed instead' },
  ),
});

// Back office.

export const CompanyIdParams = Type.Object({ id: Id });

export const CompaniesQuery = Type.Object({
  status: Type.Optional(CustomerStatus),
  kind: Type.Optional(CompanyKind),
  registryCheck: Type.Optional(RegistryCheck),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'The beginning of the INN, or a part of the name' })),
  cursor: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

const ModerationFields = {
  ...CompanyFields,
  registryCheck: Nullable(RegistryCheck),
  decidedAt: Nullable(DateTime),
};

export const CompanySummary = Type.Object(ModerationFields);

export const CompaniesPage = Type.Object({
  items: Type.Array(CompanySummary),
  nextCursor: Nullable(Id),
  counts: Type.Object(
    { pending: Type.Integer(), active: Type.Integer(), rejected: Type.Integer(), blocked: Type.Integer() },
    { description: 'Companies in each status matching the other filters' },
  ),
});

export const CompanyDetail = Type.Object({
  ...ModerationFields,
  registry: Nullable(
    Type.Object({
      source: Nullable(Type.Union([Type.Literal('http'), Type.Literal('local')])),
      checkedAt: Type.String({ format: 'date-time' }),
      party: Nullable(RegistryPartyResponse),
      mismatches: Type.Array(Type.String(), { description: 'Entered fields that differ from the registry: kind, kpp, ogrn, name' }),
      reason: Nullable(Type.String({ description: 'Why the registry could not be asked' })),
    }),
  ),
  registrant: Nullable(Type.Object({ id: Id, name: Type.String(), email: Type.String() })),
  audit: Type.Array(
    Type.Object({
      id: Id,
      at: DateTime,
      event: Type.String(),
      actorId: Nullable(Id),
      actorName: Nullable(Type.String()),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
    { description: 'Registration and every decision about the company, newest first' },
  ),
});

export const ReasonBody = Type.Object({ reason: BoundedText(500) }, { additionalProperties: false });

export const BulkApproveBody = Type.Object({ ids: Type.Array(Id, { minItems: 1, maxItems: 100, uniqueItems: true }) }, { additionalProperties: false });

export const BulkApproveResponse = Type.Object({
  approved: Type.Array(Id),
  failed: Type.Array(Type.Object({ id: Id, code: Type.String(), title: Type.String() })),
});
