import type { LeadWritable } from './lead.js';

export const activityTypes = ['created', 'updated', 'assigned', 'stage_changed', 'archived', 'unarchived'] as const;
export type ActivityType = (typeof activityTypes)[number];

export type FieldChanges = Partial<Record<keyof LeadWritable, { from: unknown; to: unknown }>>;

/** What happened to a lead, by whom. Each type carries its own data, so a timeline can render it. */
export type ActivityData =
  | { type: 'created'; data: { source: string | null; channel: string | null } }
  | { type: 'updated'; data: { changes: FieldChanges } }
  | { type: 'assigned'; data: { from: string | null; to: string | null } }
  | { type: 'stage_changed'; data: { from: string; to: string } }
  | { type: 'archived'; data: Record<string, never> }
  | { type: 'unarchived'; data: Record<string, never> };

export type NewActivity = ActivityData & { leadId: string; actorId: string | null; at: Date };

export type Activity = NewActivity & { id: string };
