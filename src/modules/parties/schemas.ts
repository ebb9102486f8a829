import { Type } from 'typebox';
import { Id, Nullable } from '../../platform/http/schemas.ts';
import { permissions } from './roles.ts';

export { Nullable };
export const CustomerKind = Type.Union([Type.Literal('individual'), Type.Literal('legal_entity'), Type.Literal('sole_proprietor')]);
export const CustomerStatus = Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('rejected'), Type.Literal('blocked')]);
export const MemberRole = Type.Enum(['head', 'administrator', 'accountant', 'employee', 'self', 'guardian', 'representative']);
export const MembershipStatus = Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('blocked')]);
export const PendingStep = Type.Union([Type.Literal('join_approval'), Type.Literal('activation'), Type.Literal('verification')]);
export const Permission = Type.Enum([...permissions]);

export const CustomerParams = Type.Object({ customerId: Id });

export const MembershipResponse = Type.Object({
  customer: Type.Object({ id: Id, kind: CustomerKind, status: CustomerStatus, name: Type.String() }),
  role: MemberRole,
  status: MembershipStatus,
  pendingStep: Nullable(PendingStep),
  permissions: Type.Array(Permission, { description: 'What the role allows; acting ones (order, pay, submit) also need an active customer' }),
});

export const MembershipList = Type.Object({ items: Type.Array(MembershipResponse) });

export const RoleTable = Type.Object({
  items: Type.Array(Type.Object({ role: MemberRole, permissions: Type.Array(Permission) })),
});

export const CustomerResponse = Type.Object({
  id: Id,
  kind: CustomerKind,
  status: CustomerStatus,
  statusReason: Nullable(Type.String()),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  inn: Nullable(Type.String()),
  kpp: Nullable(Type.String()),
  ogrn: Nullable(Type.String()),
  legalAddress: Nullable(Type.String()),
  headName: Nullable(Type.String()),
  birthDate: Nullable(Type.String({ format: 'date' })),
  role: MemberRole,
  permissions: Type.Array(Permission),
});

export const QueueCounts = Type.Object({
  companies: Type.Integer({ description: 'Companies waiting for moderation' }),
  joinRequests: Type.Integer({ description: "Join requests waiting for the moderator's decision" }),
  activations: Type.Integer({ description: 'Subscriber-code registrations waiting for signed papers' }),
  profiles: Type.Integer({ description: 'Family profiles waiting for verification' }),
});
