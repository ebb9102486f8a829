import { v7 as uuidv7 } from 'uuid';
import { findAuditBySubject, recordAudit } from '../../../platform/audit/audit.ts';
import { NotFoundError } from '../../../platform/http/errors.ts';
import { findPeople, type Person } from '../../identity/index.ts';
import type { ProfileCodePurpose } from '../tables.ts';
import { CODE_TTL_DAYS, formatProfileCode, hashProfileCode, newProfileCode } from './codes.ts';
import { notify, withDb, type FamilyContext } from './context.ts';
import { isAdult } from './dates.ts';
import { ProfileHasOwnerError, ProfileNotAdultError, ProfileNotOpenError, ProfileNotPendingError } from './errors.ts';
import { countQueue, selectMembers, selectProfileForStaff, selectQueue, type QueueFilter } from './queue-store.ts';
import {
  codeHashTaken,
  endPendingMemberships,
  findActiveSelf,
  insertCode,
  lockProfile,
  pendingMembers,
  selectCodes,
  setProfileDecision,
  voidLiveCodes,
} from './store.ts';

const PAGE_MAX = 50;
const AUDIT_LIMIT = 50;

function personRef(people: Map<string, Person>, id: string | null) {
  if (!id) return null;
  return { id, name: people.get(id)?.name ?? '' };
}

/** Profiles awaiting verification (or verified, or rejected), searched by name, with the count of each. */
export async function findProfiles(ctx: FamilyContext, options: { filter?: QueueFilter; query?: string; cursor?: string; limit?: number }) {
  const filter = options.filter ?? 'awaiting';
  const limit = Math.min(Math.max(options.limit ?? 20, 1), PAGE_MAX);
  const [rows, counts] = await Promise.all([
    selectQueue(ctx.db, { filter, query: options.query, after: options.cursor, limit: limit + 1 }),
    countQueue(ctx.db),
  ]);
  const page = rows.slice(0, limit);
  const people = await findPeople(ctx.db, page.flatMap((row) => (row.createdBy ? [row.createdBy] : [])));
  return {
    items: page.map(({ createdBy, ...row }) => ({ ...row, addedBy: personRef(people, createdBy) })),
    nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
    counts,
  };
}

/** What a code issued now would do, or why none can be. */
async function nextCodePurpose(ctx: FamilyContext, profile: { id: string; status: string; birthDate: string | null }): Promise<ProfileCodePurpose | null> {
  if (profile.status === 'pending') {
    const waiting = await pendingMembers(ctx.db, profile.id);
    return waiting.length > 0 ? 'verification' : null;
  }
  if (profile.status !== 'active' || !profile.birthDate || !isAdult(profile.birthDate, ctx.today)) return null;
  return (await findActiveSelf(ctx.db, profile.id)) ? null : 'takeover';
}

/** A profile as staff see it: the people linked to it, the codes issued (never the codes themselves), the audit trail. */
export async function getProfileForStaff(ctx: FamilyContext, id: string) {
  const profile = await selectProfileForStaff(ctx.db, id);
  if (!profile) throw new NotFoundError();
  const [members, codes, audit, nextCode] = await Promise.all([
    selectMembers(ctx.db, id),
    selectCodes(ctx.db, id),
    findAuditBySubject(ctx.db, id, { limit: AUDIT_LIMIT }),
    nextCodePurpose(ctx, profile),
  ]);
  const people = await findPeople(ctx.db, [
    ...members.map((member) => member.userId),
    ...codes.flatMap((code) => [code.issuedBy, ...(code.usedBy ? [code.usedBy] : [])]),
    ...audit.flatMap((event) => (event.actorId ? [event.actorId] : [])),
    ...(profile.decidedBy ? [profile.decidedBy] : []),
  ]);
  const { decidedBy, ...fields } = profile;
  return {
    ...fields,
    adult: profile.birthDate !== null && isAdult(profile.birthDate, ctx.today),
    decidedBy: personRef(people, decidedBy),
    nextCode,
    members: members.map(({ pendingStep: _step, ...member }) => ({
      ...member,
      name: people.get(member.userId)?.name ?? '',
      email: people.get(member.userId)?.email ?? '',
    })),
    codes: codes.map((code) => ({
      id: code.id,
      purpose: code.purpose,
      state: code.usedAt ? ('used' as const) : code.voidedAt ? ('replaced' as const) : code.expiresAt <= ctx.now ? ('expired' as const) : ('live' as const),
      issuedAt: code.issuedAt,
      issuedBy: personRef(people, code.issuedBy)!,
      expiresAt: code.expiresAt,
      usedAt: code.usedAt,
      usedBy: personRef(people, code.usedBy),
    })),
    audit: audit.map((event) => ({ id: event.id, at: event.at, event: event.event, actor: personRef(people, event.actorId), ip: event.ip, details: event.details })),
  };
}

/**
 * Issues a one-time code for a profile, after the person (or the relative) came with documents:
 * for a profile awaiting verification it verifies it; for an adult's verified profile it lets the
 * person take it over. Any earlier unused code stops working. The code is returned this once.
 */
export async function issueProfileCode(ctx: FamilyContext, staffId: string, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const tx = withDb(ctx, trx);
    const profile = await lockProfile(trx, id);
    if (!profile) throw new NotFoundError();
    const purpose = await nextCodePurpose(tx, profile);
    if (!purpose) {
      if (profile.status === 'active' && (!profile.birthDate || !isAdult(profile.birthDate, ctx.today))) throw new ProfileNotAdultError();
      if (profile.status === 'active') throw new ProfileHasOwnerError();
      throw new ProfileNotOpenError();
    }
    const voided = await voidLiveCodes(trx, id, ctx.now);
    // 50 bits: over millions of codes a repeat is rare but possible, and the hash must stay unique.
    let code = newProfileCode();
    while (await codeHashTaken(trx, hashProfileCode(code))) code = newProfileCode();
    const codeId = uuidv7();
    const expiresAt = new Date(ctx.now.getTime() + CODE_TTL_DAYS * 24 * 3600 * 1000);
    await insertCode(trx, { customerId: id, id: codeId, hash: hashProfileCode(code), purpose, issuedBy: staffId, now: ctx.now, expiresAt });
    await recordAudit(trx, ctx.now, {
      event: 'family.code_issued',
      actorId: staffId,
      subjectId: id,
      origin: ctx.origin,
      details: { codeId, purpose, expiresAt: expiresAt.toISOString(), replaced: voided },
    });
    return {
      id: codeId,
      code: formatProfileCode(code),
      purpose,
      issuedAt: ctx.now,
      expiresAt,
      profile: { id: profile.id, name: profile.name, birthDate: profile.birthDate },
    };
  });
}

/**
 * Rejects a profile awaiting verification: the waiting memberships end, unused codes stop working,
 * and whoever added it is told why. Rejecting it again changes nothing.
 */
export async function rejectProfile(ctx: FamilyContext, staffId: string, id: string, reason: string) {
  const why = reason.trim();
  await ctx.db.transaction().execute(async (trx) => {
    const tx = withDb(ctx, trx);
    const profile = await lockProfile(trx, id);
    if (!profile) throw new NotFoundError();
    if (profile.status === 'rejected') return;
    if (profile.status !== 'pending') throw new ProfileNotPendingError();
    const waiting = await pendingMembers(trx, id);
    await endPendingMemberships(trx, id, ctx.now);
    await setProfileDecision(trx, id, { status: 'rejected', reason: why, decidedBy: staffId, now: ctx.now });
    await voidLiveCodes(trx, id, ctx.now);
    const people = await findPeople(trx, waiting.map((member) => member.userId));
    for (const person of people.values()) await notify(tx, person, 'profile_rejected', { name: profile.name, detail: why });
    await recordAudit(trx, ctx.now, {
      event: 'family.profile_rejected',
      actorId: staffId,
      subjectId: id,
      origin: ctx.origin,
      details: { reason: why, membersEnded: waiting.map((member) => member.userId) },
    });
  });
  return getProfileForStaff(ctx, id);
}
