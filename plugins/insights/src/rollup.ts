import type { PluginServices } from '@sarnakh/plugin-sdk';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { applySql, countColumn, rollupTables, type RollupTable } from './tables.js';

/**
 * The rollups and how they are kept. One set of SQL computes each lead's contribution (its
 * "fact": capture day, dimensions, measures, and its completed stays per stage) from core's
 * tables; the rebuild runs it over every lead, a sync over the leads an event names. A sync takes
 * back what the lead contributed last time (kept in `insights_leads`) and adds what it contributes
 * now, read from the lead row inside the sync's transaction: the result depends only on the lead as
 * it is, never on which events arrived or in what order, so events handled late, twice or on
 * several server processes at once still leave the rollups equal to a full recount.
 *
 * Reads core's `leads`, `lead_activities` and `picklist_values` (stage order, lost stages). The
 * columns `first_response_at`, `first_response_seconds`, `sla_due_at` (response SLA) and
 * `merged_into_id` are used when the installation has them.
 */

type Db = PluginServices['database'];
type Executor = Kysely<unknown>;

/** Advisory lock spaces: the rebuild (key 0) against syncs (shared), one per lead, one per capture day. */
const LOCK_SPACE = 0x1a51_0001;
const LEAD_LOCK_SPACE = 0x1a51_0002;
const DAY_LOCK_SPACE = 0x1a51_0003;

/** Which optional lead columns this installation has. */
export interface LeadColumns {
  firstResponse: boolean;
  sla: boolean;
  merged: boolean;
}

const columnCache = new WeakMap<object, Promise<LeadColumns>>();

/** Read once per database: columns arrive with core's migrations, which run before plugins start. */
export function leadColumns(database: Db): Promise<LeadColumns> {
  let found = columnCache.get(database.raw);
  if (!found) {
    found = sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = 'leads'`
      .execute(database.raw)
      .then(({ rows }) => {
        const names = new Set(rows.map((r) => r.name));
        return {
          firstResponse: names.has('first_response_at') && names.has('first_response_seconds'),
          sla: names.has('sla_due_at'),
          merged: names.has('merged_into_id'),
        };
      });
    found.catch(() => columnCache.delete(database.raw));
    columnCache.set(database.raw, found);
  }
  return found;
}

/** What the rollups were built with: the day boundaries and the segment field. */
export interface Shape {
  timeZone: string;
  segmentField: string | null;
}

export interface State extends Shape {
  builtAt: Date | null;
}

export async function readState(db: Executor): Promise<State> {
  const { rows } = await sql<{ time_zone: string; segment_field: string | null; built_at: Date | null }>`
    select time_zone, segment_field, built_at from insights_state where id = 1`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('insights_state has no row: the plugin migrations did not run');
  return { timeZone: row.time_zone, segmentField: row.segment_field, builtAt: row.built_at === null ? null : new Date(row.built_at) };
}

type LeadScope = { all: true } | { ids: readonly string[] };

const leadFilter = (scope: LeadScope, column: string) =>
  'all' in scope ? sql`true` : sql`${sql.ref(column)} in (${sql.join(scope.ids.map((id) => sql`${id}::uuid`))})`;

/** The leads in scope with the columns the facts need (merged leads are gone: they count no more). */
function scopedLeads(scope: LeadScope, columns: LeadColumns) {
  const live = columns.merged ? sql`and l.merged_into_id is null` : sql``;
  const response = columns.firstResponse ? sql`l.first_response_at, l.first_response_seconds` : sql`null::timestamptz as first_response_at, null::integer as first_response_seconds`;
  const sla = columns.sla ? sql`l.sla_due_at` : sql`null::timestamptz as sla_due_at`;
  return sql`select l.id, l.created_at, l.owner_id, l.source, l.channel, l.stage, l.qualification, l.custom_fields,
      l.last_contact_at, l.converted_at, ${response}, ${sla}
    from leads l where ${leadFilter(scope, 'l.id')} ${live}`;
}

/** Insert the facts of the leads in scope into `insights_leads`. */
async function insertFacts(db: Executor, scope: LeadScope, shape: Shape, columns: LeadColumns): Promise<void> {
  const segment = shape.segmentField === null ? sql`''` : sql`coalesce(l.custom_fields ->> ${shape.segmentField}, '')`;
  await sql`insert into insights_leads (lead_id, day, owner_id, source, channel, stage, qualification, segment, furthest,
      contacted, converted, cycle_seconds, response_seconds, has_sla, within_sla)
    with scoped as (${scopedLeads(scope, columns)}),
    changes as (
      select a.lead_id, a.data ->> 'from' as from_stage, a.data ->> 'to' as to_stage
      from lead_activities a join scoped l on l.id = a.lead_id where a.type = 'stage_changed'
    ),
    visited as (
      select id as lead_id, stage as key from scoped
      union select lead_id, from_stage from changes
      union select lead_id, to_stage from changes
    ),
    -- The furthest stage on the way to a win that the lead ever stood in (lost stages are off the way).
    furthest as (
      select distinct on (v.lead_id) v.lead_id, v.key
      from visited v join picklist_values p on p.list = 'stage' and p.key = v.key and not p.lost
      order by v.lead_id, p.position desc
    ),
    moved as (select distinct lead_id from changes)
    select l.id, (l.created_at at time zone ${shape.timeZone})::date, coalesce(l.owner_id, ''), coalesce(l.source, ''),
      coalesce(l.channel, ''), l.stage, l.qualification, ${segment}, coalesce(f.key, ''),
      l.last_contact_at is not null or l.first_response_at is not null or m.lead_id is not null,
      l.converted_at is not null,
      case when l.converted_at is not null then greatest(0, extract(epoch from l.converted_at - l.created_at))::bigint end,
      l.first_response_seconds::bigint,
      l.sla_due_at is not null,
      coalesce(l.first_response_at <= l.sla_due_at, false)
    from scoped l left join furthest f on f.lead_id = l.id left join moved m on m.lead_id = l.id`.execute(db);

  // Completed stays: each stage change ends a stay in its `from` stage, begun at the previous change (or capture).
  await sql`insert into insights_lead_stays (lead_id, in_stage, seconds, visits)
    with scoped as (${scopedLeads(scope, columns)})
    select lead_id, in_stage, sum(seconds)::bigint, count(*)::int from (
      select a.lead_id, a.data ->> 'from' as in_stage,
        greatest(0, extract(epoch from a.created_at - coalesce(
          lag(a.created_at) over (partition by a.lead_id order by a.created_at, a.id), l.created_at)))::bigint as seconds
      from lead_activities a join scoped l on l.id = a.lead_id
      where a.type = 'stage_changed'
    ) s group by lead_id, in_stage`.execute(db);
}

/** Add (`1`) or take back (`-1`) the stored facts of the leads in scope to every rollup, in a fixed order. */
async function applyFacts(db: Executor, sign: 1 | -1, scope: LeadScope): Promise<void> {
  await everyRollup((t) => applySql(t, sign, leadFilter(scope, 'f.lead_id'))).execute(db);
}

/** One statement per rollup, sent as one (data-modifying CTEs run once each): a sync is many small writes. */
function everyRollup(statement: (t: RollupTable) => RawBuilder<unknown>): RawBuilder<unknown> {
  const parts = Object.values(rollupTables).map((t, i) => sql`${sql.raw(`w${i}`)} as (${statement(t)} returning 1)`);
  return sql`with ${sql.join(parts)} select 1`;
}

/**
 * The capture days whose rollup rows a sync of these leads touches: where their facts are and
 * where their rows put them now (the same unless a lead is new or gone).
 */
async function touchedDays(db: Executor, ids: readonly string[], timeZone: string): Promise<string[]> {
  const { rows } = await sql<{ day: string }>`select day::text as day from (
      select f.day from insights_leads f where ${leadFilter({ ids }, 'f.lead_id')}
      union select (l.created_at at time zone ${timeZone})::date from leads l where ${leadFilter({ ids }, 'l.id')}
    ) d order by 1`.execute(db);
  return rows.map((r) => r.day);
}

/** Bring the rollups up to date for these leads (created, changed, merged or deleted). */
export async function syncLeads(database: Db, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return;
  const columns = await leadColumns(database);
  await database.raw.transaction().execute(async (tx) => {
    // The leads in sorted order, so two syncs of overlapping leads never wait on each other in a circle.
    await sql`select pg_advisory_xact_lock_shared(${LOCK_SPACE}, 0)`.execute(tx);
    await sql`select count(pg_advisory_xact_lock(${LEAD_LOCK_SPACE}, hashtext(k)))
      from (select k from json_array_elements_text(cast(${JSON.stringify(unique)} as text)::json) with ordinality as t(k, n) order by n) s`.execute(tx);
    const state = await readState(tx);
    // Not built yet: the first rebuild counts every lead, this one included.
    if (state.builtAt === null) return;
    const scope = { ids: unique };
    const days = await touchedDays(tx, unique, state.timeZone);
    // One sync per capture day at a time: taking a lead's old contribution back and adding its new
    // one locks two rollup rows in an order set by the change, so two leads moving opposite ways
    // would otherwise deadlock. Days are locked in order, so syncs of several days cannot either.
    await sql`select count(pg_advisory_xact_lock(${DAY_LOCK_SPACE}, hashtext(k)))
      from (select k from json_array_elements_text(cast(${JSON.stringify(days)} as text)::json) with ordinality as t(k, n) order by n) s`.execute(tx);
    await applyFacts(tx, -1, scope);
    await sql`delete from insights_lead_stays f where ${leadFilter(scope, 'f.lead_id')}`.execute(tx);
    await sql`delete from insights_leads f where ${leadFilter(scope, 'f.lead_id')}`.execute(tx);
    await insertFacts(tx, scope, state, columns);
    await applyFacts(tx, 1, scope);
    if (days.length === 0) return;
    const onDays = sql`day in (${sql.join(days.map((d) => sql`${d}::date`))})`;
    // Rows that fell to zero are noise for every reader: drop them.
    await everyRollup((t) => sql`delete from ${sql.raw(t.table)} where ${onDays} and ${sql.raw(countColumn[t.kind])} = 0`).execute(tx);
  });
}

/**
 * Recompute everything from core's tables, set-based, in one transaction: readers see the old
 * rollups until it commits, and syncs wait for it (then apply on top of the new numbers).
 */
export async function rebuild(database: Db, shape: Shape): Promise<{ leads: number }> {
  const columns = await leadColumns(database);
  const leads = await database.raw.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_SPACE}, 0)`.execute(tx);
    await sql`truncate ${sql.raw([...Object.values(rollupTables).map((t) => t.table), 'insights_lead_stays', 'insights_leads'].join(', '))}`.execute(tx);
    await sql`update insights_state set time_zone = ${shape.timeZone}, segment_field = ${shape.segmentField}, built_at = now() where id = 1`.execute(tx);
    await insertFacts(tx, { all: true }, shape, columns);
    await applyFacts(tx, 1, { all: true });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from insights_leads`.execute(tx);
    return rows[0]?.n ?? 0;
  });
  // Fresh statistics, so the planner knows the rollups' new sizes.
  await sql`analyze ${sql.raw(Object.values(rollupTables).map((t) => t.table).join(', '))}`.execute(database.raw);
  return { leads };
}
