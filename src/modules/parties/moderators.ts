import type { StaffRole } from '../identity/index.ts';

/** Staff who decide on customers: companies, join requests, activations, profile verifications. */
export const MODERATORS: readonly StaffRole[] = ['administrator', 'moderator'];
