import type { DuplicateGroupRow, LeadScope, MergeRecord, MergeStore, MergeTransaction, MovedRow } from '@sarnakh/core';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { jsonb, readJson } from '../json.js';
import type { LeadMergesTable, SarnakhDatabase } from '../schema.js';
import { toLead } from './lead-mapping.js';
import { createLeadTransaction, isUuid } from './leads.js';
import { refreshNextTasks } from './tasks.js';

type Db = Kysely<SarnakhDatabase>;
type Eb = ExpressionBuilder<SarnakhDatabase, 'leads'>;

/** A group lists at most this many leads (a shared office number can belong to hundreds). */
const GROUP_CAP = 50;

const live = (eb: Eb): Expression<SqlBool> => eb.and([eb('leads.archivedAt', 'is', null), eb('leads.mergedIntoId', 'is', null)]);
const inScope = (eb: Eb, scope: LeadScope): Expression<SqlBool> =>
  scope.kind === 'all' ? sql<boolean>`true` : eb('leads.ownerId', '=', scope.ownerId);

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function toMerge(row: Selectable<LeadMergesTable>): MergeRecord {
  return {
    ...row,
    mergedIds: readJson<string[]>(row.mergedIds),
    survivorBefore: readJson<Record<string, unknown>>(row.survivorBefore),
    survivorAfter: readJson<Record<string, unknown>>(row.survivorAfter),
    movedActivityIds: readJson<MovedRow[]>(row.movedActivityIds),
    movedTaskIds: readJson<MovedRow[]>(row.movedTaskIds),
  };
}

/** Put rows of `table` back on the leads they came from, those still on `current`. */
async function returnRows(trx: Db, table: 'lead_activities' | 'tasks', rows: readonly MovedRow[], current: string): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(rows.map((r) => sql`(cast(${r.id} as uuid), cast(${r.from} as uuid))`));
  await sql`update ${sql.table(table)} t set lead_id = m.from_id
    from (values ${values}) as m (id, from_id)
    where t.id = m.id and t.lead_id = ${current}`.execute(trx);
}

/** Give every row of `table` on the `from` leads to `to`; returns what moved and from where. */
async function moveRows(trx: Db, table: 'lead_activities' | 'tasks', from: readonly string[], to: string): Promise<MovedRow[]> {
  if (from.length === 0) return [];
  const moved = await sql<{ id: string; from: string }>`update ${sql.table(table)} t set lead_id = ${to}
    from (select id, lead_id from ${sql.table(table)} where lead_id in (${sql.join(from)}) for update) as old
    where t.id = old.id
    returning t.id, old.lead_id as "from"`.execute(trx);
  return moved.rows.map((r) => ({ id: r.id, from: r.from })).sort((a, b) => (a.id < b.id ? -1 : 1));
}

function createMergeTransaction(trx: Db): MergeTransaction {
  return {
    ...createLeadTransaction(trx),
    moveActivities: (from, to) => moveRows(trx, 'lead_activities', from, to),
    moveTasks: (from, to) => moveRows(trx, 'tasks', from, to),
    returnActivities: (rows, current) => returnRows(trx, 'lead_activities', rows, current),
    returnTasks: (rows, current) => returnRows(trx, 'tasks', rows, current),

    tasksMoved: (leadIds) => refreshNextTasks(trx, leadIds),

    async insertMerge(record) {
      const row = await trx
        .insertInto('leadMerges')
        .values({
          survivorId: record.survivorId,
          mergedIds: jsonb(record.mergedIds),
          survivorBefore: jsonb(record.survivorBefore),
          survivorAfter: jsonb(record.survivorAfter),
          movedActivityIds: jsonb(record.movedActivityIds),
          movedTaskIds: jsonb(record.movedTaskIds),
          actorId: record.actorId,
          createdAt: record.createdAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toMerge(row);
    },

    async lockMerge(id) {
      if (!isUuid(id)) return null;
      const row = await trx.selectFrom('leadMerges').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      return row ? toMerge(row) : null;
    },

    async hasLaterMerge(survivorId, than) {
      const row = await trx
        .selectFrom('leadMerges')
        .select('id')
        .where('survivorId', '=', survivorId)
        .where('undoneAt', 'is', null)
        .where('id', '<>', than.id)
        .where((eb) => eb.or([eb('createdAt', '>', than.createdAt), eb.and([eb('createdAt', '=', than.createdAt), eb('id', '>', than.id)])]))
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async markUndone(id, by, at) {
      const row = await trx.updateTable('leadMerges').set({ undoneAt: at, undoneBy: by }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      return toMerge(row);
    },
  };
}

type KeyColumn = 'mobile' | 'phone' | 'email';

/** Index entries read per window, and windows per call: a page costs at most their product in index reads. */
const WINDOW = 5_000;
const MAX_WINDOWS = 20;

const afterKey = (column: KeyColumn, from: string | null) =>
  from === null ? sql`${sql.ref(column)} is not null` : sql`${sql.ref(column)} > ${from}`;

/**
 * The end of the next window after `from`: the smallest of each column's WINDOW-th key (an
 * index-only walk), so no column has more than WINDOW entries in it; null when every column ends sooner.
 */
async function windowEnd(db: Db, columns: readonly KeyColumn[], from: string | null): Promise<string | null> {
  let end: string | null = null;
  for (const column of columns) {
    const row = await sql<{ key: string }>`select ${sql.ref(column)} as key from leads where ${afterKey(column, from)}
      order by ${sql.ref(column)} offset ${WINDOW - 1} limit 1`.execute(db);
    const key = row.rows[0]?.key;
    if (key !== undefined && (end === null || key < end)) end = key;
  }
  return end;
}

/**
 * Groups of live leads sharing a key in (from, to]. A number counts in either column, once per
 * lead (a lead with the same mobile and phone is one member, not two).
 */
async function groupsBetween(db: Db, columns: readonly KeyColumn[], from: string | null, to: string | null, limit: number): Promise<DuplicateGroupRow[]> {
  const keyed = sql.join(
    columns.map(
      (column, i) => sql`select ${sql.ref(column)} as key, id, created_at from leads
        where ${afterKey(column, from)} ${to === null ? sql`` : sql`and ${sql.ref(column)} <= ${to}`}
          and archived_at is null and merged_into_id is null
          ${i > 0 ? sql`and ${sql.ref(column)} is distinct from ${sql.ref(columns[0]!)}` : sql``}`,
    ),
    sql` union all `,
  );
  const groups = await sql<{ key: string; count: string | number; ids: string[] }>`
    select key, count(*) as count, (array_agg(id order by created_at, id))[1:${GROUP_CAP}] as ids
    from (${keyed}) k
    group by key having count(*) > 1
    order by key limit ${limit}`.execute(db);
  const ids = groups.rows.flatMap((g) => g.ids);
  if (ids.length === 0) return [];
  const leads = new Map((await db.selectFrom('leads').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, toLead(r)]));
  return groups.rows.map((g) => ({ key: g.key, count: Number(g.count), leads: g.ids.flatMap((id) => leads.get(id) ?? []) }));
}

export function createMergeStore(db: Db): MergeStore {
  return {
    async duplicatesOf(scope, probe, excludeId, limit) {
      const { phones, emails, namePrefix } = probe;
      if (phones.length === 0 && emails.length === 0 && namePrefix === null) return [];
      const rows = await db
        .selectFrom('leads')
        .selectAll()
        .where((eb) =>
          eb.and([
            live(eb),
            inScope(eb, scope),
            eb('leads.id', '<>', excludeId),
            eb.or([
              ...(phones.length > 0 ? [eb('leads.mobile', 'in', [...phones]), eb('leads.phone', 'in', [...phones])] : []),
              ...(emails.length > 0 ? [eb('leads.email', 'in', [...emails])] : []),
              // The search document starts with the folded first name, last name and company:
              // its prefix index finds them; the caller checks the match is exact.
              ...(namePrefix !== null
                ? [sql<boolean>`left(search_text, 64) like ${`${escapeLike(namePrefix.slice(0, 64))}%`}`]
                : []),
            ]),
          ]),
        )
        .orderBy('leads.createdAt')
        .orderBy('leads.id')
        .limit(limit)
        .execute();
      return rows.map(toLead);
    },

    async duplicateGroups(by, after, limit) {
      const columns = by === 'email' ? (['email'] as const) : (['mobile', 'phone'] as const);
      const groups: DuplicateGroupRow[] = [];
      let from = after;
      for (let window = 0; window < MAX_WINDOWS; window++) {
        const to = await windowEnd(db, columns, from);
        const found = await groupsBetween(db, columns, from, to, limit - groups.length);
        groups.push(...found);
        // Full page: go on after its last key (the window may hold more groups).
        if (groups.length === limit) return { groups, next: groups.at(-1)!.key };
        if (to === null) return { groups, next: null };
        from = to;
      }
      return { groups, next: from };
    },

    async history(leadId) {
      if (!isUuid(leadId)) return [];
      const rows = await db
        .selectFrom('leadMerges')
        .selectAll()
        .where((eb) => eb.or([eb('survivorId', '=', leadId), sql<boolean>`merged_ids @> ${jsonb([leadId])}`]))
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toMerge);
    },

    transaction(work) {
      return db.transaction().execute((trx) => work(createMergeTransaction(trx)));
    },
  };
}
