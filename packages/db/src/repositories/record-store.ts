import type { FieldError, RecordFailure, Result } from '@sarnakh/core';
import { err, ok } from '@sarnakh/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import { readJson } from '../json.js';
import type { SarnakhDatabase } from '../schema.js';
import type { ActivityEntry } from './activities.js';
import { isUuid } from './leads.js';
import type { RecordTable } from './record-pages.js';

type Db = Kysely<SarnakhDatabase>;

/** Turn a patch into the changes to write, checked against the locked record. */
export type PrepareChanges<R, C> = (current: R) => Result<C, FieldError[]> | Promise<Result<C, FieldError[]>>;

/**
 * Change a record in one transaction: lock it, check the caller's version, let `prepare` turn the
 * patch into changes (validated against the locked row), write them. Nothing to change writes nothing.
 */
export async function updateRecord<R extends { id: string; version: number }, C extends object>(
  db: Db,
  id: string,
  version: number,
  steps: {
    lock: (trx: Transaction<SarnakhDatabase>) => Promise<R | null>;
    prepare: PrepareChanges<R, C>;
    write: (trx: Transaction<SarnakhDatabase>, changes: C, current: R) => Promise<R>;
  },
): Promise<Result<R, RecordFailure>> {
  if (!isUuid(id)) return err({ code: 'NOT_FOUND', id });
  return db.transaction().execute(async (trx): Promise<Result<R, RecordFailure>> => {
    const current = await steps.lock(trx);
    if (!current) return err({ code: 'NOT_FOUND', id });
    if (current.version !== version) return err({ code: 'CONFLICT', id, currentVersion: current.version });
    const prepared = await steps.prepare(current);
    if (!prepared.ok) return err({ code: 'VALIDATION', fields: prepared.error });
    if (Object.keys(prepared.value).length === 0) return ok(current);
    return ok(await steps.write(trx, prepared.value, current));
  });
}

const timelineColumn: Record<RecordTable, string> = {
  organizations: 'organization_id',
  contacts: 'contact_id',
  opportunities: 'opportunity_id',
};

/** The activities linked to a record (its leads' history since conversion), newest first. */
export async function recordTimeline(db: Db, table: RecordTable, id: string): Promise<ActivityEntry[]> {
  if (!isUuid(id)) return [];
  const { rows } = await sql<ActivityEntry>`
    select id, lead_id, type, actor_id, data, created_at from lead_activities
    where ${sql.ref(timelineColumn[table])} = ${id}
    order by created_at desc, id desc`.execute(db);
  return rows.map((r) => ({ ...r, data: readJson<Record<string, unknown>>(r.data) }));
}
