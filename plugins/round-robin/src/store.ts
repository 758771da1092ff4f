import { jsonb } from '@sarnakh/db';
import type { PluginServices } from '@sarnakh/plugin-sdk';
import { sql, type Kysely } from 'kysely';
import type { Leave, WorkingWindow } from './availability.js';

/**
 * The plugin's state, all in PostgreSQL (the embedded one or a server), so every server process
 * shares it: members' settings, one rotation counter per pool, and per-user daily counts. Every
 * change is one statement, atomic on its own: nothing is read, decided in memory and written back.
 */

export type Db = PluginServices['database'];
type Raw = Kysely<unknown>;

/** How one user takes part in distribution. A user without a row has the defaults. */
export interface Member {
  userId: string;
  /** Turns per cycle (round robin) and share of open leads (least loaded); default 1. */
  weight: number;
  /** At most this many automatic assignments per day in the member's time zone; null: no cap. */
  dailyCap: number | null;
  /** Null: the plugin's default time zone. */
  timeZone: string | null;
  /** Null: any time. */
  workingHours: WorkingWindow[] | null;
  leave: Leave[];
}

export const defaultMember = (userId: string): Member => ({
  userId,
  weight: 1,
  dailyCap: null,
  timeZone: null,
  workingHours: null,
  leave: [],
});


interface MemberRow {
  user_id: string;
  weight: number;
  daily_cap: number | null;
  time_zone: string | null;
  working_hours: WorkingWindow[] | null;
  leave: Leave[];
}

const toMember = (row: MemberRow): Member => ({
  userId: row.user_id,
  weight: row.weight,
  dailyCap: row.daily_cap,
  timeZone: row.time_zone,
  workingHours: row.working_hours,
  leave: row.leave,
});

/** The members' settings for these users (defaults for those without a row), by user id. */
export async function membersOf(raw: Raw, userIds: readonly string[]): Promise<Map<string, Member>> {
  const out = new Map(userIds.map((id) => [id, defaultMember(id)]));
  if (userIds.length === 0) return out;
  const { rows } = await sql<MemberRow>`select user_id, weight, daily_cap, time_zone, working_hours, leave
    from round_robin_members where user_id in (${sql.join(userIds)})`.execute(raw);
  for (const row of rows) out.set(row.user_id, toMember(row));
  return out;
}

export async function allMembers(raw: Raw): Promise<Map<string, Member>> {
  const { rows } = await sql<MemberRow>`select user_id, weight, daily_cap, time_zone, working_hours, leave
    from round_robin_members`.execute(raw);
  return new Map(rows.map((row) => [row.user_id, toMember(row)]));
}

export async function saveMember(raw: Raw, member: Member): Promise<void> {
  await sql`insert into round_robin_members (user_id, weight, daily_cap, time_zone, working_hours, leave)
    values (${member.userId}, ${member.weight}, ${member.dailyCap}, ${member.timeZone},
      ${member.workingHours === null ? null : jsonb(member.workingHours)}, ${jsonb(member.leave)})
    on conflict (user_id) do update set weight = excluded.weight, daily_cap = excluded.daily_cap,
      time_zone = excluded.time_zone, working_hours = excluded.working_hours, leave = excluded.leave, updated_at = now()`.execute(raw);
}

/**
 * The next position of a pool's rotation: a single `INSERT … ON CONFLICT DO UPDATE … RETURNING`,
 * so concurrent callers in any number of processes each get a different, consecutive number (the
 * row lock lasts one statement). Positions start at 1.
 */
export async function advance(raw: Raw, pool: string): Promise<number> {
  const { rows } = await sql<{ position: string }>`insert into round_robin_pools (rule, position) values (${pool}, 1)
    on conflict (rule) do update set position = round_robin_pools.position + 1, updated_at = now()
    returning position::text as position`.execute(raw);
  return Number(rows[0]!.position);
}

export interface PoolState {
  rule: string;
  position: number;
  updatedAt: Date;
}

export async function pools(raw: Raw): Promise<PoolState[]> {
  const { rows } = await sql<{ rule: string; position: string; updated_at: Date | string }>`select rule, position::text as position, updated_at
    from round_robin_pools order by rule`.execute(raw);
  return rows.map((r) => ({ rule: r.rule, position: Number(r.position), updatedAt: new Date(r.updated_at) }));
}

/**
 * Count one assignment to `userId` on `day`, unless that would pass `cap`: one conditional upsert,
 * so two processes racing for a member's last slot cannot both get it. False: the member is full.
 */
export async function claim(raw: Raw, userId: string, day: string, cap: number | null): Promise<boolean> {
  if (cap !== null && cap < 1) return false;
  const { rows } = await sql<{ assigned: number }>`insert into round_robin_daily (user_id, day, assigned)
    values (${userId}, cast(${day} as date), 1)
    on conflict (user_id, day) do update set assigned = round_robin_daily.assigned + 1
    ${cap === null ? sql`` : sql`where round_robin_daily.assigned < ${cap}`}
    returning assigned`.execute(raw);
  return rows.length > 0;
}

/** Assignments so far on each user's own day. */
export async function assignedOn(raw: Raw, days: readonly { userId: string; day: string }[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (days.length === 0) return out;
  const keys = sql.join(days.map((d) => sql`(${d.userId}, cast(${d.day} as date))`));
  const { rows } = await sql<{ user_id: string; assigned: number }>`select user_id, assigned from round_robin_daily
    where (user_id, day) in (${keys})`.execute(raw);
  for (const row of rows) out.set(row.user_id, Number(row.assigned));
  return out;
}

/**
 * Open leads per user: not archived, not converted, and not in a won or lost stage (per the stage
 * picklist). Read from core's leads table, so it is always the truth, whoever changed a lead.
 */
export async function openLeads(raw: Raw, userIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (userIds.length === 0) return out;
  const { rows } = await sql<{ owner_id: string; open: number | string }>`select owner_id, count(*)::int as open from leads
    where owner_id in (${sql.join(userIds)}) and archived_at is null and converted_at is null
      and stage not in (select key from picklist_values where list = 'stage' and (won or lost))
    group by owner_id`.execute(raw);
  for (const row of rows) out.set(row.owner_id, Number(row.open));
  return out;
}

export interface UserRow {
  id: string;
  name: string;
  role: string;
  active: boolean;
}

/** Every user, by name: members are chosen among them. */
export async function users(raw: Raw): Promise<UserRow[]> {
  const { rows } = await sql<UserRow>`select id, name, role, active from users order by name, id`.execute(raw);
  return rows;
}

export async function userById(raw: Raw, id: string): Promise<UserRow | null> {
  const { rows } = await sql<UserRow>`select id, name, role, active from users where id = ${id}`.execute(raw);
  return rows[0] ?? null;
}
