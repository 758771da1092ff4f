import { ok, type RecordFailure, type Result, phoneSearchForms, searchKey, type Contact, type ContactKeys, type ContactWritable, type LeadScope, type RecordListQuery } from '@sarnakh/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ContactsTable, SarnakhDatabase } from '../schema.js';
import { isUuid } from './leads.js';
import { pageRecords } from './record-pages.js';
import { recordTimeline, updateRecord, type PrepareChanges } from './record-store.js';

type Db = Kysely<SarnakhDatabase>;
type Row = Selectable<ContactsTable>;

function toContact(row: Row): Contact {
  const { searchText: _searchText, ...rest } = row;
  return rest;
}

type SearchSource = Pick<ContactWritable, 'firstName' | 'lastName' | 'email' | 'mobile'>;

/** Names and email folded to one script, the mobile as the digits people type. */
function contactSearchText(c: SearchSource): string {
  const parts = [c.firstName, c.lastName, c.email].filter((t): t is string => !!t).map(searchKey);
  if (c.mobile) parts.push(...phoneSearchForms(c.mobile));
  return parts.filter((p) => p !== '').join(' ');
}

/** The oldest contact with this mobile, else the oldest with this email. */
export async function findContactByKeys(db: Db, keys: ContactKeys): Promise<string | null> {
  for (const [column, value] of [['mobile', keys.mobile], ['email', keys.email]] as const) {
    if (!value) continue;
    const row = await db.selectFrom('contacts').select('id').where(column, '=', value).orderBy('createdAt').orderBy('id').limit(1).executeTakeFirst();
    if (row) return row.id;
  }
  return null;
}

export async function insertContact(db: Db, values: ContactWritable, leadId: string | null, at: Date): Promise<Contact> {
  const row = await db
    .insertInto('contacts')
    .values({ ...values, searchText: contactSearchText(values), leadId, createdAt: at, updatedAt: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toContact(row);
}

export function createContactRepository(db: Db) {
  return {
    async get(scope: LeadScope, id: string): Promise<Contact | null> {
      if (!isUuid(id)) return null;
      let query = db.selectFrom('contacts').selectAll().where('id', '=', id);
      if (scope.kind === 'owned') query = query.where('ownerId', '=', scope.ownerId);
      const row = await query.executeTakeFirst();
      return row ? toContact(row) : null;
    },

    list: (scope: LeadScope, query: RecordListQuery) => pageRecords<Row, Contact>(db, 'contacts', sql`*`, scope, query, toContact),
    timeline: (id: string) => recordTimeline(db, 'contacts', id),
    create: async (values: ContactWritable, at: Date): Promise<Result<Contact, RecordFailure>> => ok(await insertContact(db, values, null, at)),

    update(scope: LeadScope, id: string, version: number, prepare: PrepareChanges<Contact, Partial<ContactWritable>>, at: Date) {
      return updateRecord<Contact, Partial<ContactWritable>>(db, id, version, {
        async lock(trx) {
          let query = trx.selectFrom('contacts').selectAll().where('id', '=', id);
          if (scope.kind === 'owned') query = query.where('ownerId', '=', scope.ownerId);
          const row = await query.forUpdate().executeTakeFirst();
          return row ? toContact(row) : null;
        },
        prepare,
        async write(trx, changes, current) {
          const row = await trx
            .updateTable('contacts')
            .set((eb) => ({ ...changes, searchText: contactSearchText({ ...current, ...changes }), version: eb('version', '+', 1), updatedAt: at }))
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirstOrThrow();
          return toContact(row);
        },
      });
    },
  };
}

export type ContactRepository = ReturnType<typeof createContactRepository>;
