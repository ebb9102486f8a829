import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { NotFoundError } from '../../../platform/http/errors.ts';
import { findPeople, type SessionUser } from '../../identity/index.ts';
import { CustomersOnlyError, PermissionDeniedError } from '../errors.ts';
import { findMembership, type Membership } from '../memberships.ts';
import type { Relation } from '../tables.ts';
import { notify, withDb, type FamilyContext } from './context.ts';
import { isAdult, isCalendarDate, majorityDate } from './dates.ts';
import { CUSTOMERS_ONLY, fieldError, NotFamilyAccessError, ProfileExistsError, ProfileVerifiedError, TooManyProfilesError } from './errors.ts';
import {
  countRelativeProfiles,
  deleteProfile,
  endMembership,
  findLiveRepresentative,
  findSameProfile,
  insertProfile,
  lockProfile,
  lockUserProfiles,
  RELATIVE_ROLES,
  selectRepresentatives,
  selectUserProfiles,
  type ProfileRow,
} from './store.ts';

/** How many relatives' profiles one user may have at once (pending and verified). */
export const PROFILE_LIMIT = 10;
/** Nobody alive was born before this. */
const EARLIEST_BIRTH_DATE = '1900-01-01';

export type FamilyProfileStatus = 'awaiting_verification' | 'verified' | 'guardianship_ended' | 'rejected' | 'blocked';

export interface FamilyProfile {
  id: string;
  name: string;
  birthDate: string | null;
  role: 'self' | 'guardian' | 'representative';
  relation: Relation | null;
  status: FamilyProfileStatus;
  verified: boolean;
  guardianshipEndsOn: string | null;
  rejectionReason: string | null;
  canDelete: boolean;
  createdAt: Date;
}

export function assertCustomerUser(user: SessionUser): void {
  if (user.kind === 'staff') throw new CustomersOnlyError(CUSTOMERS_ONLY);
}

function statusOf(row: ProfileRow, today: string): FamilyProfileStatus {
  if (row.customerStatus === 'rejected') return 'rejected';
  if (row.customerStatus === 'blocked' || row.membershipStatus === 'blocked') return 'blocked';
  // The access guard already refuses a lapsed guardianship; the daily job only makes it visible.
  if (row.role === 'guardian' && row.validUntil !== null && row.validUntil <= today) return 'guardianship_ended';
  if (row.membershipStatus === 'active' && row.customerStatus === 'active') return 'verified';
  return 'awaiting_verification';
}

export function toFamilyProfile(row: ProfileRow, userId: string, today: string): FamilyProfile {
  const status = statusOf(row, today);
  return {
    id: row.id,
    name: row.name,
    birthDate: row.birthDate,
    role: row.role as FamilyProfile['role'],
    relation: row.relation,
    status,
    verified: status === 'verified',
    guardianshipEndsOn: row.role === 'guardian' ? row.validUntil : null,
    rejectionReason: row.customerStatus === 'rejected' ? row.statusReason : null,
    canDelete: row.role !== 'self' && row.createdBy === userId && (row.customerStatus === 'pending' || row.customerStatus === 'rejected'),
    createdAt: row.createdAt,
  };
}

export async function listFamilyProfiles(ctx: FamilyContext, user: SessionUser): Promise<{ items: FamilyProfile[]; limit: number }> {
  assertCustomerUser(user);
  const rows = await selectUserProfiles(ctx.db, user.id);
  return { items: rows.map((row) => toFamilyProfile(row, user.id, ctx.today)), limit: PROFILE_LIMIT };
}

/** One of the user's profiles as the list shows it; throws when the user no longer reaches it. */
export async function getFamilyProfile(ctx: FamilyContext, userId: string, customerId: string): Promise<FamilyProfile> {
  const [row] = await selectUserProfiles(ctx.db, userId, customerId);
  if (!row) throw new NotFoundError();
  return toFamilyProfile(row, userId, ctx.today);
}

export interface NewFamilyProfile {
  name: string;
  birthDate: string;
  relation: Relation;
}

function checkNewProfile(input: NewFamilyProfile, today: string): { name: string } {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name.length < 2) {
    throw fieldError('name', 'name_too_short', { ru: 'Укажите имя и фамилию.', en: 'Enter the first and last name.' });
  }
  if (!isCalendarDate(input.birthDate)) {
    throw fieldError('birthDate', 'invalid_date', { ru: 'Укажите дату рождения в формате ДД.ММ.ГГГГ.', en: 'Enter the birth date as DD.MM.YYYY.' });
  }
  if (input.birthDate > today) {
    throw fieldError('birthDate', 'birth_date_in_future', { ru: 'Дата рождения не может быть в будущем.', en: 'The birth date cannot be in the future.' });
  }
  if (input.birthDate < EARLIEST_BIRTH_DATE) {
    throw fieldError('birthDate', 'birth_date_too_early', { ru: 'Проверьте год рождения.', en: 'Check the year of birth.' });
  }
  if (input.relation === 'child' && isAdult(input.birthDate, today)) {
    throw fieldError('birthDate', 'child_adult', {
      ru: 'Ребёнку уже исполнилось 18 лет: опека закончилась. Взрослый может добавить свой профиль сам или выбрать вас доверенным лицом — укажите родство «другое».',
      en: 'The child is already 18: guardianship has ended. An adult can add their own profile, or you can be their representative — choose the relation “other”.',
    });
  }
  return { name };
}

/**
 * Adds a relative's profile: a pending individual customer and the user's pending membership that
 * waits for the clinic's code. A child's guardianship ends on their 18th birthday. The same person
 * sent again (a retry) gives back the profile already added.
 */
export async function createFamilyProfile(ctx: FamilyContext, user: SessionUser, input: NewFamilyProfile): Promise<{ profile: FamilyProfile; created: boolean }> {
  assertCustomerUser(user);
  const { name } = checkNewProfile(input, ctx.today);
  return ctx.db.transaction().execute(async (trx) => {
    const tx = withDb(ctx, trx);
    await lockUserProfiles(trx, user.id);
    const same = await findSameProfile(trx, user.id, name, input.birthDate);
    if (same) {
      if (same.relation !== input.relation) throw new ProfileExistsError();
      return { profile: await getFamilyProfile(tx, user.id, same.customerId), created: false };
    }
    if ((await countRelativeProfiles(trx, user.id)) >= PROFILE_LIMIT) throw new TooManyProfilesError(PROFILE_LIMIT);

    const id = uuidv7();
    const child = input.relation === 'child';
    await insertProfile(trx, {
      id,
      name,
      birthDate: input.birthDate,
      userId: user.id,
      role: child ? 'guardian' : 'representative',
      relation: input.relation,
      validUntil: child ? majorityDate(input.birthDate) : null,
      now: ctx.now,
    });
    await recordAudit(trx, ctx.now, {
      event: 'family.profile_created',
      actorId: user.id,
      subjectId: id,
      origin: ctx.origin,
      details: { relation: input.relation, name, birthDate: input.birthDate },
    });
    return { profile: await getFamilyProfile(tx, user.id, id), created: true };
  });
}

/**
 * Deletes a profile the user added that was never verified (still waiting, or rejected). Anyone
 * else's profile — or an unknown id — is not found.
 */
export async function deleteFamilyProfile(ctx: FamilyContext, user: SessionUser, profileId: string): Promise<void> {
  assertCustomerUser(user);
  await ctx.db.transaction().execute(async (trx) => {
    const profile = await lockProfile(trx, profileId);
    const membership = profile && (await findMembership(trx, profile.id, user.id));
    if (!profile || !membership || profile.createdBy !== user.id || !(RELATIVE_ROLES as readonly string[]).includes(membership.role)) throw new NotFoundError();
    if (profile.status !== 'pending' && profile.status !== 'rejected') throw new ProfileVerifiedError();
    await deleteProfile(trx, profile.id);
    await recordAudit(trx, ctx.now, {
      event: 'family.profile_deleted',
      actorId: user.id,
      subjectId: profile.id,
      origin: ctx.origin,
      details: { name: profile.name, birthDate: profile.birthDate, status: profile.status },
    });
  });
}

/** The user gives up their access to a relative's profile; the profile itself stays. */
export async function giveUpFamilyAccess(ctx: FamilyContext, membership: Membership): Promise<void> {
  if (membership.customer.kind !== 'individual' || !(RELATIVE_ROLES as readonly string[]).includes(membership.role)) throw new NotFamilyAccessError();
  await ctx.db.transaction().execute(async (trx) => {
    await endMembership(trx, membership.customerId, membership.userId, ctx.now);
    await recordAudit(trx, ctx.now, {
      event: 'family.access_given_up',
      actorId: membership.userId,
      subjectId: membership.customerId,
      origin: ctx.origin,
      details: { role: membership.role, relation: membership.relation },
    });
  });
}

/** Only the person themselves decides who else reaches their profile. */
function assertSelf(membership: Membership): void {
  if (membership.role !== 'self' || membership.customer.kind !== 'individual') throw new PermissionDeniedError('manage_members');
}

export async function listRepresentatives(ctx: FamilyContext, membership: Membership) {
  assertSelf(membership);
  const rows = await selectRepresentatives(ctx.db, membership.customerId);
  const people = await findPeople(ctx.db, rows.map((row) => row.userId));
  return {
    items: rows.map((row) => ({
      userId: row.userId,
      name: people.get(row.userId)?.name ?? '',
      role: row.role as 'guardian' | 'representative',
      relation: row.relation,
      status: row.status as 'pending' | 'active' | 'blocked',
      validUntil: row.validUntil,
      since: row.since,
    })),
  };
}

/** The person removes a relative's access to their profile; the relative is told. */
export async function removeRepresentative(ctx: FamilyContext, membership: Membership, actor: SessionUser, userId: string): Promise<void> {
  assertSelf(membership);
  await ctx.db.transaction().execute(async (trx) => {
    const representative = await findLiveRepresentative(trx, membership.customerId, userId);
    if (!representative) throw new NotFoundError();
    await endMembership(trx, membership.customerId, userId, ctx.now);
    const person = (await findPeople(trx, [userId])).get(userId);
    if (person) await notify(withDb(ctx, trx), person, 'representative_removed', { name: membership.customer.name, detail: actor.name });
    await recordAudit(trx, ctx.now, {
      event: 'family.representative_removed',
      actorId: actor.id,
      subjectId: membership.customerId,
      origin: ctx.origin,
      details: { userId, role: representative.role, relation: representative.relation },
    });
  });
}
