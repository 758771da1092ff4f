import { searchTerms, type LeadScope, type RecordListQuery, type RecordPage } from '@sarnakh/core';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { SarnakhDatabase } from '../schema.js';
import { InvalidCursorError } from './cursor.js';
import { isUuid } from './leads.js';

/** The tables of records leads convert into; they share the list columns. */
export type RecordTable = 'organizations' | 'contacts' | 'opportunities';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

/** Opaque to clients: the last row's creation time as Postgres prints it (microseconds kept) and id. */
const encode = (createdAt: string, id: string) => Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');

function decode(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && TIMESTAMP.test(parsed[0]) && typeof parsed[1] === 'string' && isUuid(parsed[1])) {
      return [parsed[0], parsed[1]];
    }
  } catch {
    // Falls through to the error below.
  }
  throw new InvalidCursorError('not a cursor');
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The conditions of a record list: the actor's scope first, then the filters and the keyset. */
export function recordConditions(table: RecordTable, scope: LeadScope, query: Omit<RecordListQuery, 'limit'>): RawBuilder<boolean>[] {
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const out: RawBuilder<boolean>[] = [];
  if (scope.kind === 'owned') out.push(sql<boolean>`${col('owner_id')} = ${scope.ownerId}`);
  if (query.ownerId === null) out.push(sql<boolean>`${col('owner_id')} is null`);
  else if (query.ownerId !== undefined) out.push(sql<boolean>`${col('owner_id')} = ${query.ownerId}`);
  if (query.leadId !== undefined) out.push(isUuid(query.leadId) ? sql<boolean>`${col('lead_id')} = ${query.leadId}` : sql<boolean>`false`);
  // A record links to the organization and contact above it; on their own tables the link is the id.
  const linked = (id: string, own: RecordTable, column: string) =>
    !isUuid(id) ? sql<boolean>`false` : table === own ? sql<boolean>`${col('id')} = ${id}` : sql<boolean>`${col(column)} = ${id}`;
  if (query.organizationId !== undefined) out.push(linked(query.organizationId, 'organizations', 'organization_id'));
  if (query.contactId !== undefined) out.push(table === 'organizations' ? sql<boolean>`false` : linked(query.contactId, 'contacts', 'contact_id'));
  for (const term of query.search ? searchTerms(query.search) : []) {
    out.push(sql<boolean>`${col('search_text')} like ${`%${escapeLike(term)}%`}`);
  }
  if (query.cursor) {
    const [createdAt, id] = decode(query.cursor);
    out.push(sql<boolean>`(${col('created_at')}, ${col('id')}) < (cast(cast(${createdAt} as text) as timestamptz), cast(cast(${id} as text) as uuid))`);
  }
  return out;
}

/**
 * One page of a record list, newest first, by keyset over `(created_at, id)` (each table has that
 * index, and `(owner_id, created_at, id)` for agents). `select` names the columns to read.
 */
export async function pageRecords<Row extends { id: string }, T>(
  db: Kysely<SarnakhDatabase>,
  table: RecordTable,
  columns: RawBuilder<unknown>,
  scope: LeadScope,
  query: RecordListQuery,
  toRecord: (row: Row) => T,
): Promise<RecordPage<T>> {
  const where = recordConditions(table, scope, query);
  const { rows } = await sql<Row & { sortKey: string }>`
    select ${columns}, created_at::text as sort_key from ${sql.table(table)}
    where ${where.length > 0 ? sql.join(where, sql` and `) : sql`true`}
    order by created_at desc, id desc
    limit ${query.limit + 1}`.execute(db);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sortKey: _sortKey, ...row }) => toRecord(row as unknown as Row)),
    nextCursor: rows.length > query.limit && last ? encode(last.sortKey, last.id) : null,
  };
}
