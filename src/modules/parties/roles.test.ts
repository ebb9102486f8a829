import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { requireMembership } from './access.ts';
import type { Membership } from './memberships.ts';
import { ROLE_PERMISSIONS } from './roles.ts';
import type { CustomerStatus, MemberRole } from './tables.ts';

function requestOf(role: MemberRole, customerStatus: CustomerStatus): FastifyRequest {
  const membership: Membership = {
    customerId: '0193a1b2-0000-7000-8000-000000000001',
    userId: '0193a1b2-0000-7000-8000-000000000002',
    role,
    status: 'active',
    pendingStep: null,
    relation: null,
    validUntil: null,
    customer: { kind: 'legal_entity', status: customerStatus, name: 'ООО «Ромашка»' },
  };
  return { membership } as FastifyRequest;
}

function code(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('requireMembership', () => {
  it('lets a blocked or pending company read but not order, pay or submit', () => {
    for (const status of ['blocked', 'pending'] as const) {
      expect(code(() => requireMembership(requestOf('head', status), 'view'))).toBeUndefined();
      expect(code(() => requireMembership(requestOf('head', status), 'documents'))).toBeUndefined();
      for (const acting of ['order', 'pay', 'submit'] as const) expect(code(() => requireMembership(requestOf('head', status), acting))).toBe('customer_not_active');
    }
    expect(code(() => requireMembership(requestOf('head', 'active'), 'order'))).toBeUndefined();
  });

  it('follows the role table and nothing else', () => {
    for (const [role, allowed] of Object.entries(ROLE_PERMISSIONS) as Array<[MemberRole, readonly string[]]>) {
      for (const permission of ['view', 'order', 'pay', 'submit', 'documents', 'approve_members', 'manage_members', 'edit_profile'] as const) {
        expect(code(() => requireMembership(requestOf(role, 'active'), permission)), `${role} ${permission}`).toBe(allowed.includes(permission) ? undefined : 'permission_denied');
      }
    }
  });

  it('keeps money with the head, administrators and accountants, and members management with the head', () => {
    expect(code(() => requireMembership(requestOf('employee', 'active'), 'pay'))).toBe('permission_denied');
    expect(code(() => requireMembership(requestOf('accountant', 'active'), 'order'))).toBe('permission_denied');
    expect(code(() => requireMembership(requestOf('administrator', 'active'), 'manage_members'))).toBe('permission_denied');
    expect(code(() => requireMembership(requestOf('administrator', 'active'), 'approve_members'))).toBeUndefined();
  });
});
