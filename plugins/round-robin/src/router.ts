import { pluginTrpc, type PluginServices } from '@sarnakh/plugin-sdk';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { isTimeZone, leaveSchema, localTime, unavailability, workingWindowSchema } from './availability.js';
import type { RoundRobinSettings } from './settings.js';
import { allMembers, assignedOn, defaultMember, membersOf, pools, saveMember, userById, users, type Member } from './store.js';

const t = pluginTrpc('round-robin');

/** Each user with their distribution settings, whether they can take a lead now and how many they got today. */
async function memberViews(services: PluginServices, at: Date) {
  const raw = services.database.raw;
  const fallbackZone = services.settings<RoundRobinSettings>().defaultTimeZone;
  const [people, members] = await Promise.all([users(raw), allMembers(raw)]);
  const rows = people.map((user) => {
    const member = members.get(user.id) ?? defaultMember(user.id);
    const zone = member.timeZone ?? fallbackZone;
    return { user, member, zone, day: localTime(at, zone).day };
  });
  const today = await assignedOn(raw, rows.map((r) => ({ userId: r.user.id, day: r.day })));
  return rows.map(({ user, member, zone, day }) => ({
    userId: user.id,
    name: user.name,
    role: user.role,
    active: user.active,
    weight: member.weight,
    dailyCap: member.dailyCap,
    /** The member's own time zone; null: the plugin's default (`effectiveTimeZone`). */
    timeZone: member.timeZone,
    effectiveTimeZone: zone,
    workingHours: member.workingHours,
    leave: member.leave,
    /** Why they cannot take a lead now (`inactive`, `leave`, `off_hours`, `capped`), or null. */
    unavailable: !user.active
      ? ('inactive' as const)
      : (unavailability({ timeZone: zone, workingHours: member.workingHours, leave: member.leave }, at) ??
        (member.dailyCap !== null && (today.get(user.id) ?? 0) >= member.dailyCap ? ('capped' as const) : null)),
    day,
    assignedToday: today.get(user.id) ?? 0,
  }));
}

const memberPatch = z.strictObject({
  userId: z.string().trim().min(1).max(100),
  /** Turns per cycle and share of open leads; a rule's own weights win over it. */
  weight: z.number().int().min(1).max(100).optional(),
  /** Automatic assignments per day at most; null removes the cap. */
  dailyCap: z.number().int().min(0).max(100_000).nullable().optional(),
  /** An IANA zone (`Asia/Tehran`); null: the plugin's default. */
  timeZone: z.string().trim().max(64).refine(isTimeZone, 'Give an IANA time zone such as Asia/Tehran.').nullable().optional(),
  /** Weekly windows (Saturday-first days); null: any time; []: never. */
  workingHours: z.array(workingWindowSchema).max(50).nullable().optional(),
  /** Days off, both ends included, in the member's time zone. */
  leave: z.array(leaveSchema).max(200).optional(),
});

export const roundRobinRouter = t.router({
  members: t.router({
    /** Every user with weight, daily cap, time zone, working hours, leave, and whether they can take a lead now. */
    list: t.roleProcedure('manager', 'admin').query(({ ctx }) => memberViews(ctx.plugin, new Date())),

    /** Change one user's distribution settings; fields left out keep their value. */
    update: t.roleProcedure('manager', 'admin')
      .input(memberPatch)
      .mutation(async ({ ctx, input }) => {
        const raw = ctx.plugin.database.raw;
        if (!(await userById(raw, input.userId))) throw new TRPCError({ code: 'NOT_FOUND', message: `User ${input.userId} was not found.` });
        const current = (await membersOf(raw, [input.userId])).get(input.userId)!;
        const { userId: _userId, ...patch } = input;
        const next: Member = { ...current };
        for (const [key, value] of Object.entries(patch) as [keyof typeof patch, unknown][]) {
          if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
        }
        await saveMember(raw, next);
        return (await memberViews(ctx.plugin, new Date())).find((m) => m.userId === input.userId)!;
      }),
  }),

  /** Automatic assignments today per active user, each on their own calendar day, with their cap. */
  today: t.roleProcedure('manager', 'admin').query(async ({ ctx }) =>
    (await memberViews(ctx.plugin, new Date()))
      .filter((m) => m.active)
      .map(({ userId, name, day, assignedToday, dailyCap }) => ({ userId, name, day, assigned: assignedToday, dailyCap })),
  ),

  /** Each rule's rotation counter: how many turns it has handed out. */
  pools: t.roleProcedure('manager', 'admin').query(({ ctx }) => pools(ctx.plugin.database.raw)),
});
