import type { ColumnType } from 'kysely';

export type CustomerKind = 'individual' | 'legal_entity' | 'sole_proprietor';
export type CustomerStatus = 'pending' | 'active' | 'rejected' | 'blocked';
export type MemberRole = 'head' | 'administrator' | 'accountant' | 'employee' | 'self' | 'guardian' | 'representative';
export type MembershipStatus = 'pending' | 'active' | 'blocked' | 'ended';
/** Why a pending membership waits: both approvals of a join request, signed papers, a staff-issued code. */
export type PendingStep = 'join_approval' | 'activation' | 'verification';
export type Relation = 'child' | 'parent' | 'spouse' | 'other';
export type RegistryCheck = 'confirmed' | 'mismatch' | 'not_found' | 'unavailable';
export type Decision = 'approved' | 'rejected';
export type ProfileCodePurpose = 'verification' | 'takeover';

type Json<T> = ColumnType<T, string, string>;
/** `date` columns are read as 'YYYY-MM-DD' strings (see platform/db/database.ts). */
type DateString = ColumnType<string, string, string>;

export interface PartiesTables {
  party_customer: {
    id: string;
    kind: CustomerKind;
    status: CustomerStatus;
    name: string;
    short_name: string | null;
    inn: string | null;
    kpp: string | null;
    ogrn: string | null;
    legal_address: string | null;
    head_name: string | null;
    head_title: string | null;
    email: string | null;
    phone: string | null;
    birth_date: DateString | null;
    registry_check: RegistryCheck | null;
    registry_data: Json<Record<string, unknown>> | null;
    status_reason: string | null;
    created_by: string | null;
    decided_by: string | null;
    decided_at: Date | null;
    created_at: Date;
    updated_at: Date;
  };
  party_membership: {
    customer_id: string;
    user_id: string;
    role: MemberRole;
    status: MembershipStatus;
    pending_step: PendingStep | null;
    relation: Relation | null;
    valid_until: DateString | null;
    /** Why the member was blocked (migration 20261125T160200). */
    status_reason: ColumnType<string | null, string | null | undefined, string | null>;
    created_at: Date;
    updated_at: Date;
  };
  party_join_request: {
    customer_id: string;
    id: string;
    user_id: string;
    status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
    moderator_decision: Decision | null;
    moderator_id: string | null;
    moderator_decided_at: Date | null;
    company_decision: Decision | null;
    company_decider_id: string | null;
    company_decided_at: Date | null;
    reason: string | null;
    created_at: Date;
    updated_at: Date;
  };
  party_registry_entry: {
    inn: string;
    kpp: string;
    kind: 'legal_entity' | 'sole_proprietor';
    name: string;
    short_name: string | null;
    ogrn: string | null;
    legal_address: string | null;
    head_name: string | null;
    head_title: string | null;
    liquidated: boolean;
    updated_at: Date;
  };
  party_subscriber_claim: {
    token_hash: Buffer;
    customer_id: string;
    account_id: string;
    created_at: Date;
    expires_at: Date;
    completed_by: string | null;
    completed_at: Date | null;
  };
  party_activation: {
    customer_id: string;
    id: string;
    user_id: string;
    account_id: string;
    status: 'awaiting_papers' | 'activated' | 'rejected';
    papers_received_at: Date | null;
    decided_by: string | null;
    reason: string | null;
    scan: Buffer | null;
    scan_type: string | null;
    scan_name: string | null;
    created_at: Date;
    updated_at: Date;
  };
  party_profile_code: {
    customer_id: string;
    id: string;
    code_hash: Buffer;
    issued_by: string;
    issued_at: Date;
    expires_at: Date;
    used_by: string | null;
    used_at: Date | null;
    /** Verifying a relative's profile, or the person taking their own profile over (migration 20261125T160400). */
    purpose: ColumnType<ProfileCodePurpose, ProfileCodePurpose | undefined, ProfileCodePurpose>;
    /** A newer code for the same profile replaced this one before it was used. */
    voided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  };
}
