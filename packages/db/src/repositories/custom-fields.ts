import type { CustomFieldSource, CustomFieldValue, FieldDefinition, FieldDraft, FieldOption, FieldStorage, FieldValidation, LocalizedText } from '@sarnakh/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../database.js';
import { jsonb, readJson } from '../json.js';
import type { CustomFieldsTable, SarnakhDatabase } from '../schema.js';
import { customIndexName, customSortSql } from './custom-field-sql.js';

type Db = Kysely<SarnakhDatabase>;

function toDefinition(row: Selectable<CustomFieldsTable>): FieldDefinition {
  return {
    key: row.key,
    type: row.type,
    label: readJson<LocalizedText>(row.label),
    required: row.required,
    default: readJson<CustomFieldValue>(row.defaultValue ?? null),
    options: readJson<FieldOption[]>(row.options),
    validation: readJson<FieldValidation>(row.validation),
    indexed: row.indexed,
    archivedAt: row.archivedAt,
    position: row.position,
  };
}

const draftValues = (draft: FieldDraft) => ({
  type: draft.type,
  label: jsonb(draft.label),
  required: draft.required,
  defaultValue: draft.default === null ? null : jsonb(draft.default),
  options: jsonb(draft.options),
  validation: jsonb(draft.validation as Record<string, unknown>),
  indexed: draft.indexed,
  position: draft.position,
});

/** Custom field definitions (`custom_fields`). Keys and types never change once created. */
export function createCustomFieldRepository(db: Db) {
  return {
    async list(options: { includeArchived?: boolean } = {}): Promise<FieldDefinition[]> {
      let query = db.selectFrom('customFields').selectAll().orderBy('position').orderBy('key');
      if (!options.includeArchived) query = query.where('archivedAt', 'is', null);
      return (await query.execute()).map(toDefinition);
    },

    async get(key: string): Promise<FieldDefinition | null> {
      const row = await db.selectFrom('customFields').selectAll().where('key', '=', key).executeTakeFirst();
      return row ? toDefinition(row) : null;
    },

    /** The next position at the end of the list. */
    async nextPosition(): Promise<number> {
      const row = await db.selectFrom('customFields').select((eb) => eb.fn.max('position').as('max')).executeTakeFirst();
      return (row?.max ?? 0) + 10;
    },

    /** Null when the key is taken (archived fields keep theirs: their values are still on leads). */
    async insert(draft: FieldDraft, at: Date): Promise<FieldDefinition | null> {
      const row = await db
        .insertInto('customFields')
        .values({ key: draft.key, ...draftValues(draft), createdAt: at, updatedAt: at })
        .onConflict((oc) => oc.column('key').doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? toDefinition(row) : null;
    },

    async update(draft: FieldDraft, at: Date): Promise<FieldDefinition | null> {
      const row = await db
        .updateTable('customFields')
        .set({ ...draftValues(draft), updatedAt: at })
        .where('key', '=', draft.key)
        .returningAll()
        .executeTakeFirst();
      return row ? toDefinition(row) : null;
    },

    /** Archive (`at`) or restore (null); values on leads are never touched. */
    async setArchived(key: string, at: Date | null, now: Date): Promise<FieldDefinition | null> {
      const row = await db
        .updateTable('customFields')
        .set({ archivedAt: at, updatedAt: now })
        .where('key', '=', key)
        .returningAll()
        .executeTakeFirst();
      return row ? toDefinition(row) : null;
    },

    async delete(key: string): Promise<void> {
      await db.deleteFrom('customFields').where('key', '=', key).execute();
    },
  };
}

export type CustomFieldRepository = ReturnType<typeof createCustomFieldRepository>;

/** What the lead service and scoring read: the active definitions and their keys. */
export function createCustomFieldSource(db: Db): CustomFieldSource {
  const repository = createCustomFieldRepository(db);
  return {
    list: (options) => repository.list(options),
    activeKeys: async () => new Set((await repository.list()).map((d) => d.key)),
  };
}

/**
 * Create the expression index that makes filtering and sorting by a custom field as fast as by a
 * built-in one: `(coalesce(value, sentinel), id)`, the same expression `leads.list` sorts and
 * filters by. On PostgreSQL it is built concurrently (writes to leads go on meanwhile); a build
 * that failed half way leaves an invalid index, which is dropped and built again. The embedded
 * database is one connection with nobody to block, so a plain build is the same thing there.
 */
export async function createCustomFieldIndex(database: Database, key: string, storage: FieldStorage): Promise<void> {
  const sort = customSortSql(key, storage);
  if (!sort) throw new Error(`a ${storage} field cannot be indexed`);
  const name = customIndexName(key);
  const concurrently = database.kind === 'postgres' ? sql.raw('concurrently') : sql.raw('');
  const existing = await sql<{ valid: boolean }>`
    select i.indisvalid as valid from pg_index i join pg_class c on c.oid = i.indexrelid
    where c.relname = ${name} and c.relnamespace = (select oid from pg_namespace where nspname = current_schema())`.execute(database.raw);
  if (existing.rows[0]?.valid === true) return;
  if (existing.rows[0]) await sql`drop index ${concurrently} if exists ${sql.id(name)}`.execute(database.raw);
  await sql`create index ${concurrently} if not exists ${sql.id(name)} on leads ((${sql.raw(sort.expr)}), id)`.execute(database.raw);
}

export async function dropCustomFieldIndex(database: Database, key: string): Promise<void> {
  const concurrently = database.kind === 'postgres' ? sql.raw('concurrently') : sql.raw('');
  await sql`drop index ${concurrently} if exists ${sql.id(customIndexName(key))}`.execute(database.raw);
}
