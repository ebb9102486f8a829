import { findAuditBySubject } from '../../platform/audit/audit.ts';
import { getCustomer, type IdentityContext } from '../identity/index.ts';

const CUSTOMER_AUDIT_LIMIT = 50;

/** A customer's picture for staff: contacts, status, two-factor, live sessions, recent audit events. */
export async function getCustomerPicture(ctx: IdentityContext, id: string) {
  const customer = await getCustomer(ctx, id);
  const audit = await findAuditBySubject(ctx.db, id, { limit: CUSTOMER_AUDIT_LIMIT });
  return { ...customer, audit };
}
