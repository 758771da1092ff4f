import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { addDays, daysBetween, today } from './calendar.js';
import { rollupTables, type RollupKind, type RollupName } from './tables.js';

/** Longest range one question may cover (about three years of daily rows). */
export const MAX_RANGE_DAYS = 1100;
/** The range when none is given: the last 30 days, today included. */
export const DEFAULT_RANGE_DAYS = 30;

const key = z.string().trim().min(1).max(100);
const keyOrList = z.union([key, z.array(key).min(1).max(100)]);

/**
 * What every insight is filtered by. Leads are counted by their capture day in the organization's
 * time zone; stage, source and channel are the lead's current ones.
 */
export const filterShape = {
  /** First and last capture day, `YYYY-MM-DD`, both included (default: the last 30 days). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** One owner; null: unassigned leads. Agents always get their own. */
  ownerId: key.nullable().optional(),
  /** A team: the leads of any of these users. */
  team: z.array(key).min(1).max(500).optional(),
  source: keyOrList.optional(),
  channel: keyOrList.optional(),
  stage: keyOrList.optional(),
};

export const filterSchema = z.strictObject(filterShape);
export type FilterInput = z.input<typeof filterSchema>;

/** Checks that need the whole input; errors name the field (`to`, `from`). */
export function refineRange(value: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.from && value.to && value.from > value.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'The range ends before it starts.' });
  } else if (value.from && value.to && daysBetween(value.from, value.to) >= MAX_RANGE_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: `A range covers at most ${MAX_RANGE_DAYS} days.` });
  }
}

export interface Viewer {
  id: string;
  role: 'admin' | 'manager' | 'agent';
}

/** A filter with its range settled and the viewer's scope applied. */
export interface ResolvedFilter {
  from: string;
  to: string;
  /** Owner ids to keep ('' is unassigned); null: everyone. */
  owners: string[] | null;
  sources: string[] | null;
  channels: string[] | null;
  stages: string[] | null;
}

const list = (value: string | string[] | undefined) => (value === undefined ? null : Array.isArray(value) ? value : [value]);

/** Settle the range in the organization's time zone and narrow agents to their own leads. */
export function resolveFilter(input: FilterInput | undefined, viewer: Viewer, timeZone: string, now = new Date()): ResolvedFilter {
  const to = input?.to ?? (input?.from ? addDays(input.from, DEFAULT_RANGE_DAYS - 1) : today(timeZone, now));
  const from = input?.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  let owners: string[] | null = null;
  if (input?.ownerId !== undefined) owners = [input.ownerId ?? ''];
  if (input?.team) owners = owners ? owners.filter((o) => input.team!.includes(o)) : [...input.team];
  // Agents see only their own numbers, whatever they ask for.
  if (viewer.role === 'agent') owners = owners === null || owners.includes(viewer.id) ? [viewer.id] : [];
  return { from, to, owners, sources: list(input?.source), channels: list(input?.channel), stages: list(input?.stage) };
}

/**
 * Where to read a filter's numbers: the finest rollup only when the filter names owners (its owner
 * index then skips the rest), the per-owner grain for a table by owner with no other filter, else
 * the grain without owners. Returns the table (aliased `r`) and the filter as a condition on it.
 */
export function rollupFor(f: ResolvedFilter, kind: RollupKind, byOwner = false): { table: RawBuilder<unknown>; where: RawBuilder<unknown> } {
  const names: Record<RollupKind, [fine: RollupName, all: RollupName, owner: RollupName | null]> = {
    leads: ['daily', 'dailyAll', 'dailyOwner'],
    stays: ['stageTime', 'stageTimeAll', null],
    response: ['response', 'responseAll', 'responseOwner'],
  };
  const [fine, all, owner] = names[kind];
  const narrowed = f.sources !== null || f.channels !== null || f.stages !== null;
  const name = f.owners !== null ? fine : byOwner ? (owner !== null && !narrowed ? owner : fine) : all;
  const keys: readonly string[] = rollupTables[name].keys;
  const parts = [sql`r.day between ${f.from}::date and ${f.to}::date`];
  const anyOf = (column: string, values: string[] | null) => {
    if (values === null || !keys.includes(column)) return;
    parts.push(values.length === 0 ? sql`false` : sql`${sql.ref(`r.${column}`)} in (${sql.join(values)})`);
  };
  anyOf('owner_id', f.owners);
  anyOf('source', f.sources);
  anyOf('channel', f.channels);
  anyOf('stage', f.stages);
  return { table: sql`${sql.raw(rollupTables[name].table)} r`, where: sql.join(parts, sql` and `) };
}
