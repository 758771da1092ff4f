import {
  fitField,
  foldRuleText,
  MAX_SCORE,
  parseStoredScoringRules,
  ruleTextTranslate,
  type BehaviorRule,
  type FitField,
  type FitRule,
  type FitScalar,
  type Qualification,
  type QualificationChange,
  type RecomputeOptions,
  type RecomputeReport,
  type ScoreRecomputer,
  type ScoringFacts,
  type ScoringRules,
  type ScoringRulesStore,
} from '@sarnakh/core';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { LeadRow, SarnakhDatabase } from '../schema.js';
import { toLead } from './lead-mapping.js';
import { isUuid } from './leads.js';
import { createSettingsRepository } from './settings.js';

type Db = Kysely<SarnakhDatabase>;

/** The settings key the scoring rules are stored under. */
export const SCORING_RULES_KEY = 'scoring.rules';

/** The scoring rules in `settings` (one row shared by every server process). */
export function createScoringRulesStore(db: Db): ScoringRulesStore {
  const settings = createSettingsRepository(db);
  return {
    async load() {
      return parseStoredScoringRules(await settings.get<unknown>(SCORING_RULES_KEY));
    },
    async save(rules) {
      await settings.set(SCORING_RULES_KEY, rules);
    },
  };
}

/** Leads' plugin points and their activities of the given types (what rescoring reads). */
export async function loadScoringFacts(
  db: Db,
  ids: readonly string[],
  activityTypes: readonly string[],
): Promise<Map<string, ScoringFacts>> {
  const valid = [...new Set(ids.filter(isUuid))];
  const out = new Map<string, ScoringFacts>();
  if (valid.length === 0) return out;
  const rows = await db.selectFrom('leads').select(['id', 'pluginScore']).where('id', 'in', valid).execute();
  for (const row of rows) out.set(row.id, { pluginScore: row.pluginScore, activities: [] });
  if (activityTypes.length === 0) return out;
  const activities = await db
    .selectFrom('leadActivities')
    .select(['leadId', 'type', 'createdAt'])
    .where('leadId', 'in', valid)
    .where('type', 'in', [...activityTypes])
    .execute();
  for (const a of activities) out.get(a.leadId)?.activities.push({ type: a.type, at: a.createdAt });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fit rules as SQL. Each function mirrors its namesake in core's `scoring/evaluate.ts`; the
// recompute test checks that both give every lead the same points.
// ---------------------------------------------------------------------------------------------

type Bool = RawBuilder<boolean | null>;
const FALSE: Bool = sql<boolean>`false`;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** A built-in field's column on the lead row `l` (names come from core's field list, never from input). */
const column = (field: FitField) => sql.raw(`l.${snake(field.name)}`);
const fold = (expr: RawBuilder<unknown>) =>
  sql<string>`translate(${expr}, cast(${ruleTextTranslate.from} as text), cast(${ruleTextTranslate.to} as text))`;
// Values are bound as text and cast in SQL: drivers serialize a parameter by the type the server
// infers for it, and postgres.js would turn the text 'true' for a boolean into false.
const text = (value: string) => sql<string>`cast(${value} as text)`;
const numeric = (value: number) => sql<number>`cast(cast(${String(value)} as text) as numeric)`;
const boolean = (value: boolean) => sql.raw(value ? 'true' : 'false');

/** The custom field's JSONB value (SQL NULL when the key is missing). */
const customValue = (field: FitField) => sql<unknown>`(l.custom_fields -> cast(${field.name} as text))`;

/** A number, or a money value's amount; NULL otherwise (text is never parsed). */
function numberOf(field: FitField): RawBuilder<number | null> {
  if (field.class === 'number') return sql`${column(field)}`;
  if (field.class !== 'custom') return sql`cast(null as numeric)`;
  const v = customValue(field);
  return sql`(case jsonb_typeof(${v})
    when 'number' then cast(${v} #>> '{}' as numeric)
    when 'object' then (case when jsonb_typeof(${v} -> 'amount') = 'number' then cast(${v} ->> 'amount' as numeric) end)
  end)`;
}

/** Whether any string element of a custom list folds to `key` (already folded). */
function listHas(field: FitField, key: string): Bool {
  const v = customValue(field);
  return sql`(case when jsonb_typeof(${v}) = 'array' then exists (
      select 1 from jsonb_array_elements(${v}) as e(x) where jsonb_typeof(e.x) = 'string' and ${fold(sql`e.x #>> '{}'`)} = ${text(key)}
    ) else false end)`;
}

function isEmpty(field: FitField): Bool {
  if (field.custom) {
    const v = customValue(field);
    return sql`(case coalesce(jsonb_typeof(${v}), 'null')
      when 'null' then true
      when 'string' then ${v} #>> '{}' = ''
      when 'array' then jsonb_array_length(${v}) = 0
      else false end)`;
  }
  return field.class === 'text' || field.class === 'key' ? sql`coalesce(${column(field)}, '') = ''` : sql`${column(field)} is null`;
}

function equals(field: FitField, expected: FitScalar): Bool {
  switch (field.class) {
    case 'text':
      return typeof expected === 'string' ? sql`${fold(column(field))} = ${text(foldRuleText(expected))}` : FALSE;
    case 'key':
      return typeof expected === 'string' ? sql`${column(field)} = ${text(expected)}` : FALSE;
    case 'number':
      return typeof expected === 'number' ? sql`${column(field)} = ${numeric(expected)}` : FALSE;
    case 'boolean':
      return typeof expected === 'boolean' ? sql`${column(field)} = ${boolean(expected)}` : FALSE;
    case 'date':
      return FALSE;
    case 'custom': {
      const v = customValue(field);
      if (typeof expected === 'string') {
        const key = foldRuleText(expected);
        return sql`(case jsonb_typeof(${v})
          when 'string' then ${fold(sql`${v} #>> '{}'`)} = ${text(key)}
          else ${listHas(field, key)} end)`;
      }
      if (typeof expected === 'number') return sql`${numberOf(field)} = ${numeric(expected)}`;
      return sql`(case when jsonb_typeof(${v}) = 'boolean' then cast(${v} #>> '{}' as boolean) = ${boolean(expected)} else false end)`;
    }
  }
}

function contains(field: FitField, expected: FitScalar): Bool {
  if (typeof expected !== 'string') return FALSE;
  const key = foldRuleText(expected);
  if (field.class === 'text') return sql`strpos(${fold(column(field))}, ${text(key)}) > 0`;
  if (field.class !== 'custom') return FALSE;
  const v = customValue(field);
  return sql`(case jsonb_typeof(${v})
    when 'string' then strpos(${fold(sql`${v} #>> '{}'`)}, ${text(key)}) > 0
    else ${listHas(field, key)} end)`;
}

/** A fit rule's condition; NULL counts as no match (the caller coalesces). */
export function fitRuleCondition(rule: FitRule): Bool {
  const field = fitField(rule.field);
  if (!field) return FALSE;
  const expected = rule.value;
  const scalar = expected !== undefined && !Array.isArray(expected) ? expected : undefined;
  switch (rule.op) {
    case 'isEmpty':
      return isEmpty(field);
    case 'isNotEmpty':
      return sql`not ${isEmpty(field)}`;
    case 'eq':
      return scalar === undefined ? FALSE : equals(field, scalar);
    case 'neq':
      return scalar === undefined ? sql`true` : sql`not coalesce(${equals(field, scalar)}, false)`;
    case 'in':
      return Array.isArray(expected) && expected.length > 0
        ? sql`(${sql.join(
            expected.map((e) => sql`coalesce(${equals(field, e)}, false)`),
            sql` or `,
          )})`
        : FALSE;
    case 'gte':
    case 'lte':
      if (typeof scalar !== 'number') return FALSE;
      return rule.op === 'gte' ? sql`${numberOf(field)} >= ${numeric(scalar)}` : sql`${numberOf(field)} <= ${numeric(scalar)}`;
    case 'contains':
      return scalar === undefined ? FALSE : contains(field, scalar);
  }
}

/** The fit points of lead row `l`: the sum of the matching rules' points. */
export function fitPointsSql(rules: readonly FitRule[]): RawBuilder<number> {
  if (rules.length === 0) return sql`0`;
  return sql`(${sql.join(
    rules.map((rule) => sql`(case when coalesce(${fitRuleCondition(rule)}, false) then cast(${rule.points} as integer) else 0 end)`),
    sql` + `,
  )})`;
}

/**
 * Behavior points per lead, for leads in `range`: each rule's activities newest first, at most
 * `maxCount`, each worth its points less the decay per whole day (in hundredths, rounded toward
 * zero), never past zero — `decayedPoints` in core.
 */
function behaviorPointsSql(rules: readonly BehaviorRule[], now: Date, range: (column: RawBuilder<unknown>) => RawBuilder<boolean>) {
  const values = sql.join(
    rules.map(
      (rule, idx) =>
        sql`(cast(${idx} as integer), cast(${rule.activityType} as text), cast(${rule.points} as integer), cast(${rule.maxCount ?? null} as integer), cast(${Math.round((rule.decayPerDay ?? 0) * 100)} as integer))`,
    ),
  );
  const epochNow = sql`extract(epoch from cast(cast(${now.toISOString()} as text) as timestamptz))`;
  return sql`select x.lead_id, sum(
      sign(cast(x.points as numeric)) * floor(greatest(0, cast(abs(x.points) as numeric) * 100 - cast(x.decay as numeric) * x.days) / 100)
    ) as points
    from (
      select a.lead_id, r.points, r.decay, r.max_count,
        greatest(0, floor((${epochNow} - extract(epoch from a.created_at)) / 86400)) as days,
        row_number() over (partition by a.lead_id, r.idx order by a.created_at desc) as rn
      from lead_activities a
      join (values ${values}) as r (idx, type, points, max_count, decay) on r.type = a.type
      where ${range(sql.raw('a.lead_id'))}
    ) x
    where x.max_count is null or x.rn <= x.max_count
    group by x.lead_id`;
}

/** One row per lead whose qualification changed (the counts repeated), or one row of counts only. */
type BatchRow = { scanned: number; changed: number; oldQualification: Qualification | null } & (LeadRow | { [K in keyof LeadRow]: null });

/**
 * Score the leads with `after < id <= upTo` (either bound may be open) again, in one statement:
 * fit points from CASE expressions, behavior points aggregated from the timeline, plus the stored
 * plugin points. Writes only rows whose score or qualification changes; `version` and `updatedAt`
 * stay (a rescore is not an edit).
 */
async function recomputeBatch(db: Db, rules: ScoringRules, now: Date, after: string | null, upTo: string | null) {
  const range = (id: RawBuilder<unknown>) => {
    const parts: RawBuilder<boolean>[] = [];
    if (after !== null) parts.push(sql`${id} > cast(cast(${after} as text) as uuid)`);
    if (upTo !== null) parts.push(sql`${id} <= cast(cast(${upTo} as text) as uuid)`);
    return parts.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.join(parts, sql` and `)}`;
  };
  const behavior =
    rules.behavior.length > 0
      ? sql`behavior as (${behaviorPointsSql(rules.behavior, now, range)})`
      : sql`behavior as (select cast(null as uuid) as lead_id, cast(0 as numeric) as points where false)`;
  const { mql, sql: sqlThreshold } = rules.thresholds;
  const result = await sql<BatchRow>`
    with ${behavior},
    scored as (
      select l.id, l.qualification as old_qualification,
        cast(least(greatest(${fitPointsSql(rules.fit)} + coalesce(b.points, 0) + l.plugin_score, ${-MAX_SCORE}), ${MAX_SCORE}) as integer) as new_score
      from leads l left join behavior b on b.lead_id = l.id
      where ${range(sql.raw('l.id'))}
    ),
    qualified as (
      select s.*, (case when s.new_score >= cast(${sqlThreshold} as integer) then 'sql'
                        when s.new_score >= cast(${mql} as integer) then 'mql'
                        else 'cold' end) as new_qualification
      from scored s
    ),
    updated as (
      update leads set score = q.new_score, qualification = q.new_qualification
      from qualified q
      where leads.id = q.id and (leads.score <> q.new_score or leads.qualification <> q.new_qualification)
      returning leads.*, q.old_qualification
    )
    select c.scanned, c.changed, u.*
    from (select (select cast(count(*) as integer) from scored) as scanned,
                 (select cast(count(*) as integer) from updated) as changed) c
    left join updated u on u.old_qualification <> u.qualification
  `.execute(db);
  const first = result.rows[0];
  if (!first) throw new Error('recompute returned no row');
  // The leads whose qualification moved come back whole, for the events: no second read.
  const qualified: QualificationChange[] = [];
  for (const { scanned: _scanned, changed: _changed, oldQualification, ...row } of result.rows) {
    if (row.id === null || oldQualification === null) continue;
    const lead = toLead(row as LeadRow);
    qualified.push({ lead, from: oldQualification, to: lead.qualification });
  }
  return { scanned: Number(first.scanned), changed: Number(first.changed), qualified };
}

/** The id that ends the batch starting after `after`: the `size`-th id, or null when fewer remain. */
async function batchEnd(db: Db, after: string | null, size: number): Promise<string | null> {
  let query = db.selectFrom('leads').select('id').orderBy('id').offset(size - 1).limit(1);
  if (after !== null) query = query.where('id', '>', after);
  const row = await query.executeTakeFirst();
  return row?.id ?? null;
}

export const DEFAULT_RECOMPUTE_BATCH = 50_000;

/**
 * Score every lead again from `rules`, in SQL, a batch of `batchSize` ids at a time (each batch
 * one statement, so one short transaction: a million leads never sit in one). Plugin points are
 * kept as stored. Safe to run again: a second run changes nothing.
 */
export async function recomputeAllScores(db: Db, rules: ScoringRules, options: RecomputeOptions): Promise<RecomputeReport> {
  const size = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_RECOMPUTE_BATCH));
  const report: RecomputeReport = { leads: 0, changed: 0, qualificationChanged: 0, batches: 0, completed: false };
  let after: string | null = null;
  for (;;) {
    if (options.signal?.aborted) return report;
    const upTo = await batchEnd(db, after, size);
    const batch = await recomputeBatch(db, rules, options.now, after, upTo);
    report.batches += 1;
    report.leads += batch.scanned;
    report.changed += batch.changed;
    report.qualificationChanged += batch.qualified.length;
    if (batch.qualified.length > 0 && options.onQualified) await options.onQualified(batch.qualified);
    if (upTo === null) break;
    after = upTo;
  }
  report.completed = true;
  return report;
}

export function createScoreRecomputer(db: Db): ScoreRecomputer {
  return { recomputeAll: (rules, options) => recomputeAllScores(db, rules, options) };
}
