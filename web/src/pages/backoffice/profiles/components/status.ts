import type { StaffProfile } from '../../../../api/family';

export const customerStatusColor: Record<StaffProfile['status'], string> = {
  pending: 'yellow',
  active: 'teal',
  rejected: 'red',
  blocked: 'red',
};
