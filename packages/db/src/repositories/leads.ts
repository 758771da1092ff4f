import { randomUUID } from 'node:crypto';
import {
  leadSearchDocument,
  MIN_SEARCH_LENGTH,
  searchTerms,
  type LeadListQuery,
  type LeadPage,
  type LeadScope,
  type LeadStore,
  type LeadTransaction,
  type Activity,
  type DuplicateKeys,
  type DuplicateMatch,
  type LeadMarkers,
  type LeadWritable,
  type NewActivity,
} from '@sarnakh/core';
import { sql, type InsertObject, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { SarnakhDatabase } from '../schema.js';
import { jsonb } from '../json.js';
import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor.js';
import { sortSql, sortValuePatterns, whereSql } from './lead-where.js';
import { toLead, toRowValues } from './lead-mapping.js';
import { loadScoringFacts } from './scoring.js';

type Db = Kysely<SarnakhDatabase>;
type Eb = ExpressionBuilder<SarnakhDatabase, 'leads'>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const asArray = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

function scopeCondition(eb: Eb, scope: LeadScope): Expression<SqlBool> {
  return scope.kind === 'all' ? sql<boolean>`true` : eb('leads.ownerId', '=', scope.ownerId);
}

function filterConditions(eb: Eb, query: LeadListQuery): Expression<SqlBool>[] {
  const f = query.filter;
  const out: Expression<SqlBool>[] = [];
  out.push(f.archived ? eb('leads.archivedAt', 'is not', null) : eb('leads.archivedAt', 'is', null));
  // A converted lead lives on as its contact, organization and opportunity; `leads.get` still reads it.
  out.push(f.converted ? eb('leads.convertedAt', 'is not', null) : eb('leads.convertedAt', 'is', null));
  // A merged lead lives on in its survivor; `leads.get` still finds it (to redirect).
  out.push(eb('leads.mergedIntoId', 'is', null));
  if (f.stage !== undefined) out.push(eb('leads.stage', 'in', asArray(f.stage)));
  if (f.priority !== undefined) out.push(eb('leads.priority', 'in', asArray(f.priority)));
  if (f.source !== undefined) out.push(eb('leads.source', 'in', asArray(f.source)));
  if (f.channel !== undefined) out.push(eb('leads.channel', 'in', asArray(f.channel)));
  if (f.ownerId === null) out.push(eb('leads.ownerId', 'is', null));
  else if (f.ownerId !== undefined) out.push(eb('leads.ownerId', '=', f.ownerId));
  if (f.createdFrom) out.push(eb('leads.createdAt', '>=', f.createdFrom));
  if (f.createdTo) out.push(eb('leads.createdAt', '<=', f.createdTo));
  if (f.lastContactFrom) out.push(eb('leads.lastContactAt', '>=', f.lastContactFrom));
  if (f.lastContactTo) out.push(eb('leads.lastContactAt', '<=', f.lastContactTo));
  for (const condition of query.where) out.push(whereSql(condition));
  if (f.search) {
    for (const term of searchTerms(f.search)) {
      // Two-letter trigram scans take seconds at 1M rows: short terms match a name/phone prefix.
      out.push(
        term.length >= MIN_SEARCH_LENGTH
          ? sql<boolean>`search_text like ${`%${escapeLike(term)}%`}`
          : sql<boolean>`left(search_text, 64) like ${`${escapeLike(term)}%`}`,
      );
    }
  }
  return out;
}

function keysetCondition(query: LeadListQuery): RawBuilder<boolean> | null {
  if (query.cursor === null) return null;
  const { expr, type } = sortSql(query.sort);
  const cursor = decodeCursor(query.cursor, query.sort);
  if (!sortValuePatterns[type].test(cursor.value)) throw new InvalidCursorError('not a cursor');
  const op = query.sort.direction === 'desc' ? sql.raw('<') : sql.raw('>');
  // Bound as text and cast in SQL: a driver that sees a timestamptz parameter would try to turn
  // '-infinity' into a JavaScript Date and fail.
  return sql<boolean>`(${sql.raw(expr)}, id) ${op} (cast(cast(${cursor.value} as text) as ${sql.raw(type)}), cast(cast(${cursor.id} as text) as uuid))`;
}

function insertRow(lead: LeadWritable, at: Date, markers: LeadMarkers = {}): InsertObject<SarnakhDatabase, 'leads'> {
  return {
    ...lead,
    ...markers,
    customFields: jsonb(lead.customFields),
    searchText: leadSearchDocument(lead),
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The oldest unarchived lead with one of the numbers (in its mobile or phone) or the email. Each
 * probe is an equality on an indexed column, so this is a few index lookups at any table size.
 */
async function findDuplicate(db: Db, keys: DuplicateKeys): Promise<DuplicateMatch | null> {
  const { phones, emails } = keys;
  if (phones.length === 0 && emails.length === 0) return null;
  const row = await db
    .selectFrom('leads')
    .selectAll()
    .where('archivedAt', 'is', null)
    .where('mergedIntoId', 'is', null)
    .where((eb) =>
      eb.or([
        ...(phones.length > 0 ? [eb('mobile', 'in', [...phones]), eb('phone', 'in', [...phones])] : []),
        ...(emails.length > 0 ? [eb('email', 'in', [...emails])] : []),
      ]),
    )
    .orderBy('createdAt')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const lead = toLead(row);
  const field =
    lead.mobile !== null && phones.includes(lead.mobile) ? 'mobile' : lead.phone !== null && phones.includes(lead.phone) ? 'phone' : 'email';
  return { lead, field };
}

/** Advisory-lock keys for dedup: one per normalized key, in a namespace of their own. */
export const dedupLockKeys = (keys: DuplicateKeys): string[] =>
  [...keys.phones.map((p) => `lead-dedup:phone:${p}`), ...keys.emails.map((e) => `lead-dedup:email:${e}`)].sort();

/** One page of `leads.list` as a query (tests read its plan). */
export function listQuery(db: Db, scope: LeadScope, query: LeadListQuery) {
  const { expr } = sortSql(query.sort);
  const dir = query.sort.direction === 'desc' ? sql.raw('desc') : sql.raw('asc');
  const keyset = keysetCondition(query);
  return db
    .selectFrom('leads')
    .selectAll()
    .select(sql<string>`(${sql.raw(expr)})::text`.as('sortKey'))
    .where((eb) => eb.and([scopeCondition(eb, scope), ...filterConditions(eb, query), ...(keyset ? [keyset] : [])]))
    .orderBy(sql`${sql.raw(expr)} ${dir}`)
    .orderBy(sql`id ${dir}`)
    .limit(query.limit + 1);
}

export function createLeadStore(db: Db): LeadStore {
  return {
    findDuplicate: (keys) => findDuplicate(db, keys),

    scoringFacts: (ids, activityTypes) => loadScoringFacts(db, ids, activityTypes),

    async get(scope, id) {
      if (!isUuid(id)) return null;
      const row = await db
        .selectFrom('leads')
        .selectAll()
        .where((eb) => eb.and([eb('leads.id', '=', id), scopeCondition(eb, scope)]))
        .executeTakeFirst();
      return row ? toLead(row) : null;
    },

    async list(scope, query): Promise<LeadPage> {
      const rows = await listQuery(db, scope, query).execute();
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const nextCursor =
        rows.length > query.limit && last ? encodeCursor(query.sort, { value: last.sortKey, id: last.id }) : null;
      return { items: page.map(({ sortKey: _sortKey, ...row }) => toLead(row)), nextCursor };
    },

    transaction(work) {
      return db.transaction().execute((trx) => work(createLeadTransaction(trx)));
    },
  };
}

/** The lead writes of a transaction, for repositories whose transactions also write leads (merges). */
export function createLeadTransaction(trx: Db): LeadTransaction {
  return {
    async lock(scope, ids) {
      const valid = ids.filter(isUuid);
      if (valid.length === 0) return [];
      const rows = await trx
        .selectFrom('leads')
        .selectAll()
        .where((eb) => eb.and([eb('leads.id', 'in', valid), scopeCondition(eb, scope)]))
        .orderBy('id')
        .forUpdate()
        .execute();
      return rows.map(toLead);
    },

    async claimDuplicateKeys(keys) {
      // Sorted, so two transactions claiming overlapping keys take them in the same order (no deadlock).
      for (const key of dedupLockKeys(keys)) {
        await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
      }
    },

    findDuplicate: (keys) => findDuplicate(trx, keys),

    async insert(lead, at, markers) {
      const row = await trx.insertInto('leads').values(insertRow(lead, at, markers)).returningAll().executeTakeFirstOrThrow();
      return toLead(row);
    },

    async update(id, changes, at) {
      const touchesSearch = (['firstName', 'lastName', 'company', 'email', 'mobile', 'phone'] as const).some(
        (f) => f in changes,
      );
      let searchText: string | undefined;
      if (touchesSearch) {
        const current = await trx
          .selectFrom('leads')
          .select(['firstName', 'lastName', 'company', 'email', 'mobile', 'phone'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        searchText = leadSearchDocument({ ...current, ...changes });
      }
      const row = await trx
        .updateTable('leads')
        .set((eb) => ({
          ...toRowValues(changes),
          ...(searchText === undefined ? {} : { searchText }),
          version: eb('version', '+', 1),
          updatedAt: at,
        }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toLead(row);
    },

    scoringFacts: (ids, activityTypes) => loadScoringFacts(trx, ids, activityTypes),

    async setFirstResponse(id, at, businessSeconds) {
      const row = await trx
        .updateTable('leads')
        .set({
          firstResponseAt: at,
          firstResponseSeconds: businessSeconds,
          // A response before the deadline meets it; after a breach the breach stands.
          slaState: sql<'met'>`case when sla_state = 'pending' then 'met' else sla_state end`,
        })
        .where('id', '=', id)
        .where('firstResponseAt', 'is', null)
        .returningAll()
        .executeTakeFirst();
      return toLead(row ?? (await trx.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
    },

    async setScore(id, { score, qualification, pluginScore }) {
      const row = await trx
        .updateTable('leads')
        .set({ score, qualification, pluginScore })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toLead(row);
    },

    async recordActivities(activities: readonly NewActivity[]): Promise<Activity[]> {
      if (activities.length === 0) return [];
      const stored: Activity[] = activities.map((a) => ({ ...a, id: randomUUID() }));
      await trx
        .insertInto('leadActivities')
        .values(
          stored.map((a) => ({
            id: a.id,
            leadId: a.leadId,
            type: a.type,
            actorId: a.actorId,
            data: jsonb(a.data as Record<string, unknown>),
            createdAt: a.at,
          })),
        )
        .execute();
      return stored;
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids are UUIDs; anything else cannot name a lead (and would make Postgres raise a cast error). */
export const isUuid = (id: string): boolean => UUID.test(id);

