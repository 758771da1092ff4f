import {
  err,
  ok,
  organizationNameKey,
  searchKey,
  type LeadScope,
  type Organization,
  type OrganizationWritable,
  type RecordFailure,
  type RecordListQuery,
  type Result,
} from '@sarnakh/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { OrganizationsTable, SarnakhDatabase } from '../schema.js';
import { isUuid } from './leads.js';
import { pageRecords } from './record-pages.js';
import { recordTimeline, updateRecord, type PrepareChanges } from './record-store.js';

type Db = Kysely<SarnakhDatabase>;
type Row = Selectable<OrganizationsTable>;

function toOrganization(row: Row): Organization {
  const { searchText: _searchText, nameKey: _nameKey, ...rest } = row;
  return rest;
}

const derived = (values: Pick<OrganizationWritable, 'name'>) => ({ nameKey: organizationNameKey(values.name), searchText: searchKey(values.name) });

/** The organization with this normalized name (see `organizationNameKey`), if any. */
export async function findOrganizationByNameKey(db: Db, nameKey: string): Promise<string | null> {
  const row = await db.selectFrom('organizations').select('id').where('nameKey', '=', nameKey).executeTakeFirst();
  return row?.id ?? null;
}

export async function insertOrganization(db: Db, values: OrganizationWritable, leadId: string | null, at: Date): Promise<Organization> {
  const row = await db
    .insertInto('organizations')
    .values({ ...values, ...derived(values), leadId, createdAt: at, updatedAt: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrganization(row);
}

const inScope = (scope: LeadScope) => (scope.kind === 'owned' ? scope.ownerId : null);

export function createOrganizationRepository(db: Db) {
  async function get(scope: LeadScope, id: string): Promise<Organization | null> {
    if (!isUuid(id)) return null;
    let query = db.selectFrom('organizations').selectAll().where('id', '=', id);
    const owner = inScope(scope);
    if (owner !== null) query = query.where('ownerId', '=', owner);
    const row = await query.executeTakeFirst();
    return row ? toOrganization(row) : null;
  }

  return {
    get,
    list: (scope: LeadScope, query: RecordListQuery) => pageRecords<Row, Organization>(db, 'organizations', sql`*`, scope, query, toOrganization),
    timeline: (id: string) => recordTimeline(db, 'organizations', id),

    /** A new organization; refused (`DUPLICATE`) when one with the same normalized name exists. */
    async create(values: OrganizationWritable, at: Date): Promise<Result<Organization, RecordFailure>> {
      return db.transaction().execute(async (trx) => {
        const { nameKey } = derived(values);
        await sql`select pg_advisory_xact_lock(hashtextextended(${`organization:${nameKey}`}, 0))`.execute(trx);
        const existing = await findOrganizationByNameKey(trx, nameKey);
        if (existing) return err({ code: 'DUPLICATE', id: existing });
        return ok(await insertOrganization(trx, values, null, at));
      });
    },

    update(
      scope: LeadScope,
      id: string,
      version: number,
      prepare: PrepareChanges<Organization, Partial<OrganizationWritable>>,
      at: Date,
    ): Promise<Result<Organization, RecordFailure>> {
      return updateRecord<Organization, Partial<OrganizationWritable>>(db, id, version, {
        async lock(trx) {
          let query = trx.selectFrom('organizations').selectAll().where('id', '=', id);
          const owner = inScope(scope);
          if (owner !== null) query = query.where('ownerId', '=', owner);
          const row = await query.forUpdate().executeTakeFirst();
          return row ? toOrganization(row) : null;
        },
        prepare,
        async write(trx, changes) {
          const extra = changes.name === undefined ? null : derived({ name: changes.name });
          if (extra) {
            const clash = await trx.selectFrom('organizations').select('id').where('nameKey', '=', extra.nameKey).where('id', '!=', id).executeTakeFirst();
            if (clash) throw new DuplicateOrganizationError(clash.id);
          }
          const row = await trx
            .updateTable('organizations')
            .set((eb) => ({ ...changes, ...(extra ?? {}), version: eb('version', '+', 1), updatedAt: at }))
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirstOrThrow();
          return toOrganization(row);
        },
      }).catch((error: unknown) => {
        if (error instanceof DuplicateOrganizationError) return err({ code: 'DUPLICATE' as const, id: error.existingId });
        throw error;
      });
    },
  };
}

/** Renaming onto another organization's name: thrown inside the transaction so it rolls back. */
class DuplicateOrganizationError extends Error {
  constructor(readonly existingId: string) {
    super(`an organization with this name exists: ${existingId}`);
  }
}

export type OrganizationRepository = ReturnType<typeof createOrganizationRepository>;
