import type { ColumnType } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/database.ts';

export interface AuditTables {
  audit_event: {
    id: string;
    at: Date;
    event: string;
    actor_id: string | null;
    subject_id: string | null;
    ip: string | null;
    user_agent: string | null;
    details: ColumnType<Record<string, unknown>, string, never>;
  };
}

/** Who did it and from where: the client address and user agent of the request. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  event: string;
  actorId?: string | null;
  subjectId?: string | null;
  origin?: RequestOrigin;
  details?: Record<string, unknown>;
}

export interface AuditRecord {
  id: string;
  at: Date;
  event: string;
  actorId: string | null;
  subjectId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
}

/** Appends to the audit log; call it with the transaction of the change it records. */
export async function recordAudit(db: Db, at: Date, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      id: uuidv7(),
      at,
      event: entry.event,
      actor_id: entry.actorId ?? null,
      subject_id: entry.subjectId ?? null,
      ip: entry.origin?.ip ?? null,
      user_agent: entry.origin?.userAgent?.slice(0, 512) ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/** The events about one person, newest first, cursor-paged by id (UUIDv7 ids sort by time). */
export async function findAuditBySubject(db: Db, subjectId: string, options: { limit: number; before?: string }): Promise<AuditRecord[]> {
  return db
    .selectFrom('audit_event')
    .select(['id', 'at', 'event', 'actor_id as actorId', 'subject_id as subjectId', 'ip', 'user_agent as userAgent', 'details'])
    .where('subject_id', '=', subjectId)
    .$if(options.before !== undefined, (qb) => qb.where('id', '<', options.before!))
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute();
}
