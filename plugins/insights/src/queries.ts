import { sql, type Kysely } from 'kysely';
import { bucketDays, periodLabel, type Calendar, type Locale, type Period } from './calendar.js';
import { rollupFor, type ResolvedFilter } from './filter.js';

/**
 * The widgets' answers, each read from the rollups only (never from `leads`), so each costs a scan
 * of the matching daily rows, not of the leads. Counts are of leads captured in the range, as they
 * stand now (their current stage, owner and qualification).
 */

type Db = Kysely<unknown>;
type Label = Record<Locale, string>;

interface PicklistRow {
  list: string;
  key: string;
  label: Label;
  position: number;
  won: boolean;
  lost: boolean;
}

/** Stage, source and channel picklists: order, labels, won and lost flags. */
async function picklists(db: Db): Promise<Map<string, PicklistRow[]>> {
  const { rows } = await sql<PicklistRow>`select list, key, label, position, won, lost from picklist_values
    where list in ('stage', 'source', 'channel') order by list, position, key`.execute(db);
  const out = new Map<string, PicklistRow[]>();
  for (const row of rows) out.set(row.list, [...(out.get(row.list) ?? []), row]);
  return out;
}

const labelOf = (rows: PicklistRow[] | undefined, key: string, locale: Locale): string =>
  rows?.find((r) => r.key === key)?.label[locale] ?? key;

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

// ---------------------------------------------------------------------------------------------
// New leads per period

export interface NewLeadsPoint {
  key: string;
  start: string;
  end: string;
  label: string;
  leads: number;
  converted: number;
}

export async function newLeads(db: Db, f: ResolvedFilter, period: Period, calendar: Calendar, locale: Locale) {
  const { table, where } = rollupFor(f, 'leads');
  const { rows } = await sql<{ day: string; leads: number; converted: number }>`
    select r.day::text as day, sum(r.leads)::int as leads, sum(r.converted)::int as converted
    from ${table} where ${where} group by r.day`.execute(db);
  const points: NewLeadsPoint[] = bucketDays(rows, ['leads', 'converted'], f, period, calendar).map((span) => ({
    ...span,
    label: periodLabel(span, period, calendar, locale),
  }));
  return { from: f.from, to: f.to, period, calendar, total: points.reduce((n, p) => n + p.leads, 0), points };
}

// ---------------------------------------------------------------------------------------------
// The funnel

export interface FunnelStage {
  stage: string;
  label: string;
  won: boolean;
  lost: boolean;
  /** Leads in this stage now. */
  leads: number;
  /** Leads that got this far (this stage or a later one on the way to a win); null for lost stages. */
  reached: number | null;
  /** `reached` over the previous stage's `reached`; null for the first and for lost stages. */
  conversion: number | null;
  /** Mean length of a completed stay in this stage, in seconds; null when nobody has left it. */
  avgSeconds: number | null;
  /** Completed stays (a lead that came back twice counts twice). */
  stays: number;
}

export async function funnel(db: Db, f: ResolvedFilter, locale: Locale) {
  const daily = rollupFor(f, 'leads');
  const stays = rollupFor(f, 'stays');
  const [lists, counts, time] = await Promise.all([
    picklists(db),
    sql<{ key: string; now: number; far: number }>`select k.key, sum(k.now)::int as now, sum(k.far)::int as far from (
        select r.stage as key, r.leads as now, 0 as far from ${daily.table} where ${daily.where}
        union all select r.furthest, 0, r.leads from ${daily.table} where ${daily.where}
      ) k group by k.key`.execute(db),
    sql<{ key: string; seconds: number; visits: number }>`select r.in_stage as key, sum(r.seconds)::float8 as seconds, sum(r.visits)::int as visits
      from ${stays.table} where ${stays.where} group by r.in_stage`.execute(db),
  ]);
  const stageRows = lists.get('stage') ?? [];
  const now = new Map(counts.rows.filter((r) => r.now > 0).map((r) => [r.key, r.now]));
  const far = new Map(counts.rows.map((r) => [r.key, r.far]));
  const stayed = new Map(time.rows.map((r) => [r.key, r]));
  // Stages no longer on the picklist still show, after the known ones.
  const known = new Set(stageRows.map((s) => s.key));
  const extra = [...now.keys()].filter((k) => !known.has(k)).sort();
  const ordered = [...stageRows, ...extra.map((key) => ({ list: 'stage', key, label: { fa: key, ar: key, en: key }, position: Infinity, won: false, lost: false }))];
  const way = ordered.filter((s) => !s.lost);
  const stages: FunnelStage[] = [];
  let previous: number | null = null;
  for (const s of ordered) {
    let reached: number | null = null;
    let conversion: number | null = null;
    if (!s.lost) {
      const at = way.indexOf(s);
      reached = way.slice(at).reduce((n, later) => n + (far.get(later.key) ?? 0), 0);
      conversion = previous === null ? null : ratio(reached, previous);
      previous = reached;
    }
    const stay = stayed.get(s.key);
    stages.push({
      stage: s.key,
      label: s.label[locale] ?? s.key,
      won: s.won,
      lost: s.lost,
      leads: now.get(s.key) ?? 0,
      reached,
      conversion,
      avgSeconds: stay && stay.visits > 0 ? stay.seconds / stay.visits : null,
      stays: stay?.visits ?? 0,
    });
  }
  return { from: f.from, to: f.to, total: [...now.values()].reduce((a, b) => a + b, 0), stages };
}

// ---------------------------------------------------------------------------------------------
// Conversion and the sales cycle

export interface ConversionRow {
  key: string;
  label: string;
  leads: number;
  /** Converted into contact / organization / opportunity (`converted_at` set). */
  converted: number;
  /** In a won stage (Customer) now. */
  won: number;
  conversionRate: number | null;
  winRate: number | null;
  /** Mean days from capture to conversion, over converted leads. */
  avgCycleDays: number | null;
}

interface ConversionSums {
  key: string;
  leads: number;
  converted: number;
  won: number;
  cycle: number;
}

const conversionRow = (s: ConversionSums, label: string): ConversionRow => ({
  key: s.key,
  label,
  leads: s.leads,
  converted: s.converted,
  won: s.won,
  conversionRate: ratio(s.converted, s.leads),
  winRate: ratio(s.won, s.leads),
  avgCycleDays: s.converted === 0 ? null : s.cycle / s.converted / 86_400,
});

export async function conversion(db: Db, f: ResolvedFilter, locale: Locale) {
  const { table, where } = rollupFor(f, 'leads');
  const { rows } = await sql<{ source: string; channel: string } & Omit<ConversionSums, 'key'>>`
    select r.source, r.channel, sum(r.leads)::int as leads, sum(r.converted)::int as converted,
      (coalesce(sum(r.leads) filter (where p.won), 0))::int as won, sum(r.cycle_seconds)::float8 as cycle
    from ${table} left join picklist_values p on p.list = 'stage' and p.key = r.stage
    where ${where} group by r.source, r.channel`.execute(db);
  const lists = await picklists(db);
  const by = (dimension: 'source' | 'channel') => {
    const sums = new Map<string, ConversionSums>();
    for (const row of rows) {
      const key = row[dimension];
      const s = sums.get(key) ?? { key, leads: 0, converted: 0, won: 0, cycle: 0 };
      s.leads += row.leads;
      s.converted += row.converted;
      s.won += row.won;
      s.cycle += row.cycle;
      sums.set(key, s);
    }
    return [...sums.values()]
      .sort((a, b) => b.leads - a.leads || a.key.localeCompare(b.key))
      .map((s) => conversionRow(s, s.key === '' ? '—' : labelOf(lists.get(dimension), s.key, locale)));
  };
  const total = rows.reduce<ConversionSums>(
    (t, r) => ({ key: 'all', leads: t.leads + r.leads, converted: t.converted + r.converted, won: t.won + r.won, cycle: t.cycle + r.cycle }),
    { key: 'all', leads: 0, converted: 0, won: 0, cycle: 0 },
  );
  return { from: f.from, to: f.to, overall: conversionRow(total, ''), bySource: by('source'), byChannel: by('channel') };
}

// ---------------------------------------------------------------------------------------------
// Qualified leads by segment and source

export interface QualifiedRow {
  key: string;
  label: string;
  leads: number;
  mql: number;
  sql: number;
  /** (mql + sql) / leads. */
  qualifiedRate: number | null;
}

export async function qualified(db: Db, f: ResolvedFilter, locale: Locale, segmentField: string | null) {
  const { table, where } = rollupFor(f, 'leads');
  const { rows } = await sql<{ segment: string; source: string; qualification: string; n: number }>`
    select r.segment, r.source, r.qualification, sum(r.leads)::int as n
    from ${table} where ${where} group by r.segment, r.source, r.qualification`.execute(db);
  const lists = await picklists(db);
  const by = (dimension: 'segment' | 'source', label: (key: string) => string): QualifiedRow[] => {
    const sums = new Map<string, QualifiedRow>();
    for (const row of rows) {
      const key = row[dimension];
      const s = sums.get(key) ?? { key, label: label(key), leads: 0, mql: 0, sql: 0, qualifiedRate: null };
      s.leads += row.n;
      if (row.qualification === 'mql') s.mql += row.n;
      if (row.qualification === 'sql') s.sql += row.n;
      sums.set(key, s);
    }
    return [...sums.values()]
      .map((s) => ({ ...s, qualifiedRate: ratio(s.mql + s.sql, s.leads) }))
      .sort((a, b) => b.mql + b.sql - (a.mql + a.sql) || a.key.localeCompare(b.key));
  };
  return {
    from: f.from,
    to: f.to,
    segmentField,
    bySegment: segmentField === null ? [] : by('segment', (k) => (k === '' ? '—' : k)),
    bySource: by('source', (k) => (k === '' ? '—' : labelOf(lists.get('source'), k, locale))),
  };
}

// ---------------------------------------------------------------------------------------------
// Speed to lead

/** Nearest-rank percentile of a histogram of `{ bucket, leads }` (buckets by lower bound). */
export function percentile(histogram: readonly { bucket: number; leads: number }[], p: number): number | null {
  const sorted = [...histogram].filter((h) => h.leads > 0).sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((n, h) => n + h.leads, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const h of sorted) {
    seen += h.leads;
    if (seen >= rank) return h.bucket;
  }
  return sorted.at(-1)!.bucket;
}

export interface SpeedRow {
  key: string;
  label: string;
  leads: number;
  /** Leads with a first response. */
  responded: number;
  /** First-response time in business seconds: median and 90th percentile (nearest rank, bucketed). */
  median: number | null;
  p90: number | null;
  /** Leads that had a response deadline, and those answered by it. */
  slaLeads: number;
  withinSla: number;
  withinSlaShare: number | null;
}

interface SpeedSums {
  key: string;
  leads: number;
  responded: number;
  sla_leads: number;
  within_sla: number;
}

/** Speed-to-lead rows grouped by `column` (`source`, `owner_id`, or null for one overall row). */
async function speedBy(db: Db, f: ResolvedFilter, column: 'source' | 'owner_id' | null, label: (key: string) => string): Promise<SpeedRow[]> {
  const byOwner = column === 'owner_id';
  const daily = rollupFor(f, 'leads', byOwner);
  const response = rollupFor(f, 'response', byOwner);
  const key = column === null ? sql`'all'` : sql.ref(`r.${column}`);
  const [totals, histogram] = await Promise.all([
    sql<SpeedSums>`select ${key} as key, sum(r.leads)::int as leads, sum(r.responded)::int as responded,
        sum(r.sla_leads)::int as sla_leads, sum(r.within_sla)::int as within_sla
      from ${daily.table} where ${daily.where} group by 1`.execute(db),
    sql<{ key: string; bucket: number; leads: number }>`select ${key} as key, r.bucket, sum(r.leads)::int as leads
      from ${response.table} where ${response.where} group by 1, 2`.execute(db),
  ]);
  const buckets = new Map<string, { bucket: number; leads: number }[]>();
  for (const h of histogram.rows) buckets.set(h.key, [...(buckets.get(h.key) ?? []), h]);
  return totals.rows
    .map((t) => ({
      key: t.key,
      label: label(t.key),
      leads: t.leads,
      responded: t.responded,
      median: percentile(buckets.get(t.key) ?? [], 0.5),
      p90: percentile(buckets.get(t.key) ?? [], 0.9),
      slaLeads: t.sla_leads,
      withinSla: t.within_sla,
      withinSlaShare: ratio(t.within_sla, t.sla_leads),
    }))
    .sort((a, b) => b.leads - a.leads || a.key.localeCompare(b.key));
}

export async function speedToLead(db: Db, f: ResolvedFilter, locale: Locale, names: Map<string, string>) {
  const lists = await picklists(db);
  const [overall, byOwner, bySource] = await Promise.all([
    speedBy(db, f, null, () => ''),
    speedBy(db, f, 'owner_id', (k) => (k === '' ? '—' : (names.get(k) ?? k))),
    speedBy(db, f, 'source', (k) => (k === '' ? '—' : labelOf(lists.get('source'), k, locale))),
  ]);
  const none: SpeedRow = { key: 'all', label: '', leads: 0, responded: 0, median: null, p90: null, slaLeads: 0, withinSla: 0, withinSlaShare: null };
  return { from: f.from, to: f.to, overall: overall[0] ?? none, byOwner, bySource };
}

// ---------------------------------------------------------------------------------------------
// Per owner

export interface OwnerRow {
  ownerId: string | null;
  name: string;
  /** Leads captured in the range that this person owns now. */
  assigned: number;
  contacted: number;
  converted: number;
  /** Their open tasks past due now (all leads, not only the range's); null without the tasks table. */
  overdueTasks: number | null;
}

export async function owners(db: Db, f: ResolvedFilter, names: Map<string, string>, now = new Date()): Promise<{ from: string; to: string; owners: OwnerRow[] }> {
  const rollup = rollupFor(f, 'leads', true);
  const { rows } = await sql<{ owner_id: string; leads: number; contacted: number; converted: number }>`
    select r.owner_id, sum(r.leads)::int as leads, sum(r.contacted)::int as contacted, sum(r.converted)::int as converted
    from ${rollup.table} where ${rollup.where} group by r.owner_id`.execute(db);
  const overdue = await overdueTasks(db, now);
  const ids = new Set(rows.map((r) => r.owner_id));
  // Owners with overdue tasks but no leads in the range still belong in the table.
  if (overdue) for (const id of overdue.keys()) if (f.owners === null || f.owners.includes(id)) ids.add(id);
  const byId = new Map(rows.map((r) => [r.owner_id, r]));
  const table = [...ids].map((id): OwnerRow => {
    const r = byId.get(id);
    return {
      ownerId: id === '' ? null : id,
      name: id === '' ? '—' : (names.get(id) ?? id),
      assigned: r?.leads ?? 0,
      contacted: r?.contacted ?? 0,
      converted: r?.converted ?? 0,
      overdueTasks: overdue ? (id === '' ? null : (overdue.get(id) ?? 0)) : null,
    };
  });
  table.sort((a, b) => b.assigned - a.assigned || a.name.localeCompare(b.name));
  return { from: f.from, to: f.to, owners: table };
}

/** Open tasks past due per assignee, from core's `tasks` table when the installation has it. */
async function overdueTasks(db: Db, now: Date): Promise<Map<string, number> | null> {
  const { rows: exists } = await sql<{ present: boolean }>`select to_regclass('tasks') is not null as present`.execute(db);
  if (!exists[0]?.present) return null;
  const { rows } = await sql<{ assignee_id: string; n: number }>`select assignee_id, count(*)::int as n from tasks
    where completed_at is null and due_at < ${now.toISOString()}::timestamptz and assignee_id is not null
    group by assignee_id`.execute(db);
  return new Map(rows.map((r) => [r.assignee_id, r.n]));
}

/** Every user's display name by id (a few hundred rows at most). */
export async function userNames(db: Db): Promise<Map<string, string>> {
  const { rows } = await sql<{ id: string; name: string }>`select id, name from users`.execute(db);
  return new Map(rows.map((r) => [r.id, r.name]));
}
