import type { CustomerKind, MemberRole } from './tables.ts';

/** What a member may do for a customer. Acting permissions need an active customer. */
export const permissions = ['view', 'order', 'pay', 'submit', 'documents', 'approve_members', 'manage_members', 'edit_profile'] as const;
export type Permission = (typeof permissions)[number];

/** A blocked or not yet approved customer can be read, but nothing is ordered, paid or submitted for it. */
export const ACTING: ReadonlySet<Permission> = new Set(['order', 'pay', 'submit']);

/** The one table of who may do what; the UI shows it as is (GET /api/v1/roles). */
export const ROLE_PERMISSIONS: Record<MemberRole, readonly Permission[]> = {
  head: permissions,
  administrator: ['view', 'order', 'pay', 'submit', 'documents', 'approve_members', 'edit_profile'],
  accountant: ['view', 'pay', 'submit', 'documents'],
  employee: ['view', 'order', 'submit'],
  self: ['view', 'order', 'pay', 'submit', 'documents', 'edit_profile'],
  guardian: ['view', 'order', 'pay', 'submit', 'documents', 'edit_profile'],
  representative: ['view', 'order', 'pay', 'submit', 'documents'],
};

/** The roles a company's members can hold; the others belong to people's own and family profiles. */
export const COMPANY_ROLES = ['head', 'administrator', 'accountant', 'employee'] as const satisfies readonly MemberRole[];
export type CompanyRole = (typeof COMPANY_ROLES)[number];

export function isCompany(kind: CustomerKind): boolean {
  return kind !== 'individual';
}

export function roleAllows(role: MemberRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
