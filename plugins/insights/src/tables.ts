import { sql, type RawBuilder } from 'kysely';

/**
 * The rollup tables. Each sums the leads' facts over a set of keys; the same lead is in every
 * table. Several grains of the same numbers, because a table keyed by owner × source × channel ×
 * stage per day has nearly as many rows as leads have (a million leads over 90 days gave 370,000
 * rows): a question that filters by owner reads the fine table through its owner index, one that
 * does not reads the grain without owners (about 5% of the rows), and the per-owner table reads
 * one with owners and nothing else.
 */

export type RollupKind = 'leads' | 'stays' | 'response';

export interface RollupTable {
  table: string;
  kind: RollupKind;
  /** Fact columns it is keyed by (text, `day` a date); stays add `in_stage`, responses `bucket`. */
  keys: readonly string[];
}

const owner = ['day', 'owner_id'] as const;
const filterKeys = ['day', 'owner_id', 'source', 'channel', 'stage'] as const;
const leadKeys = [...filterKeys, 'qualification', 'segment', 'furthest'] as const;
const withoutOwner = (keys: readonly string[]) => keys.filter((k) => k !== 'owner_id');

export const rollupTables = {
  daily: { table: 'insights_daily', kind: 'leads', keys: leadKeys },
  dailyAll: { table: 'insights_daily_all', kind: 'leads', keys: withoutOwner(leadKeys) },
  dailyOwner: { table: 'insights_daily_owner', kind: 'leads', keys: owner },
  stageTime: { table: 'insights_stage_time', kind: 'stays', keys: filterKeys },
  stageTimeAll: { table: 'insights_stage_time_all', kind: 'stays', keys: withoutOwner(filterKeys) },
  response: { table: 'insights_response', kind: 'response', keys: filterKeys },
  responseAll: { table: 'insights_response_all', kind: 'response', keys: withoutOwner(filterKeys) },
  responseOwner: { table: 'insights_response_owner', kind: 'response', keys: owner },
} as const satisfies Record<string, RollupTable>;

export type RollupName = keyof typeof rollupTables;

/** The summed columns of each kind: `[column, type, the sum over facts f (and stays s)]`. */
export const measures: Record<RollupKind, readonly (readonly [string, 'integer' | 'bigint', string])[]> = {
  leads: [
    ['leads', 'integer', 'count(*)'],
    ['contacted', 'integer', 'count(*) filter (where f.contacted)'],
    ['converted', 'integer', 'count(*) filter (where f.converted)'],
    ['cycle_seconds', 'bigint', 'coalesce(sum(f.cycle_seconds), 0)'],
    ['responded', 'integer', 'count(f.response_seconds)'],
    ['response_seconds', 'bigint', 'coalesce(sum(f.response_seconds), 0)'],
    ['sla_leads', 'integer', 'count(*) filter (where f.has_sla)'],
    ['within_sla', 'integer', 'count(*) filter (where f.within_sla)'],
  ],
  stays: [
    ['seconds', 'bigint', 'sum(s.seconds)'],
    ['visits', 'integer', 'sum(s.visits)'],
  ],
  response: [['leads', 'integer', 'count(*)']],
};

/** The key a kind adds to its table's keys, with the fact expression it comes from. */
const extraKey: Record<RollupKind, readonly [string, string] | null> = {
  leads: null,
  stays: ['in_stage', 's.in_stage'],
  response: [
    'bucket',
    // First-response buckets by lower bound: the minute under an hour, 15 minutes under a day, days beyond.
    `case when f.response_seconds < 3600 then (f.response_seconds / 60) * 60
      when f.response_seconds < 86400 then (f.response_seconds / 900) * 900
      else (f.response_seconds / 86400) * 86400 end`,
  ],
};

/** The same buckets in TypeScript. */
export function bucketOf(seconds: number): number {
  const s = Math.max(0, Math.floor(seconds));
  const width = s < 3600 ? 60 : s < 86_400 ? 900 : 86_400;
  return Math.floor(s / width) * width;
}

const allKeys = (t: RollupTable) => [...t.keys, ...(extraKey[t.kind] ? [extraKey[t.kind]![0]] : [])];

/** The column a zero row is recognized by (a row every lead left). */
export const countColumn: Record<RollupKind, string> = { leads: 'leads', stays: 'visits', response: 'leads' };

/** `create table` for a rollup, from its definition. */
export function createTableSql(t: RollupTable): RawBuilder<unknown> {
  const keyColumns = allKeys(t).map((k) => `${k} ${k === 'day' ? 'date' : k === 'bucket' ? 'integer' : 'text'} not null`);
  const measureColumns = measures[t.kind].map(([column, type]) => `${column} ${type} not null`);
  return sql.raw(`create table ${t.table} (${[...keyColumns, ...measureColumns].join(', ')}, primary key (${allKeys(t).join(', ')}))`);
}

/**
 * Add the facts matching `inScope` to a rollup, times `sign` (-1 takes them back), as one upsert.
 * `inScope` is a condition on the facts `f`.
 */
export function applySql(t: RollupTable, sign: 1 | -1, inScope: RawBuilder<unknown>): RawBuilder<unknown> {
  const extra = extraKey[t.kind];
  const keys = allKeys(t);
  const selected = [...t.keys.map((k) => `f.${k}`), ...(extra ? [extra[1]] : [])];
  const from =
    t.kind === 'stays'
      ? sql`insights_lead_stays s join insights_leads f on f.lead_id = s.lead_id`
      : sql`insights_leads f`;
  const only = t.kind === 'response' ? sql`f.response_seconds is not null and ` : sql``;
  const sums = measures[t.kind].map(([, , expr]) => `${sign} * ${expr}`);
  const updates = measures[t.kind].map(([column]) => `${column} = ${t.table}.${column} + excluded.${column}`);
  return sql`insert into ${sql.raw(t.table)} (${sql.raw([...keys, ...measures[t.kind].map(([c]) => c)].join(', '))})
    select ${sql.raw([...selected, ...sums].join(', '))}
    from ${from} where ${only}${inScope}
    group by ${sql.raw(selected.map((_, i) => String(i + 1)).join(', '))}
    on conflict (${sql.raw(keys.join(', '))}) do update set ${sql.raw(updates.join(', '))}`;
}
