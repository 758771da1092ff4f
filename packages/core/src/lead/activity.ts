import type { LeadWritable } from './lead.js';

export const activityTypes = ['created', 'updated', 'assigned', 'stage_changed', 'archived', 'unarchived', 'duplicate_submitted'] as const;
export type ActivityType = (typeof activityTypes)[number];

export type FieldChanges = Partial<Record<keyof LeadWritable, { from: unknown; to: unknown }>>;

/** Where a lead (or a repeat submission) came from: the capture channel and what identifies the sender. */
export interface LeadOrigin {
  /** `web` (the app's form), `api`, `capture` (web-to-lead), or a capture channel's id (`sms`). */
  channel: string;
  /** Channel facts worth keeping: the API key's id, the SMS line, the import job and row. */
  detail?: Record<string, string | number | null>;
}

/** Why an automatic assignment chose its owner, for the timeline. */
export interface AssignmentReason {
  /** The assignment rule that matched, or `fallback` for the fallback pool. */
  rule: string;
  /** The strategy that picked the owner: `round-robin`, `least-loaded`… */
  strategy: string;
  /** The pool's active users the strategy chose among. */
  candidates: string[];
  /** When the fallback pool took over: the rule that matched first and why it picked nobody. */
  fallbackFrom?: { rule: string; reason: string };
}

/** What happened to a lead, by whom. Each type carries its own data, so a timeline can render it. */
export type ActivityData =
  | { type: 'created'; data: { source: string | null; channel: string | null; origin?: LeadOrigin } }
  | { type: 'updated'; data: { changes: FieldChanges } }
  | { type: 'assigned'; data: { from: string | null; to: string | null; via?: AssignmentReason } }
  | { type: 'stage_changed'; data: { from: string; to: string } }
  | { type: 'archived'; data: Record<string, never> }
  | { type: 'unarchived'; data: Record<string, never> }
  /** The duplicate policy `attach` kept a repeat submission here instead of creating a lead. */
  | { type: 'duplicate_submitted'; data: { origin: LeadOrigin; matchedOn: DuplicateField; submitted: Partial<Record<keyof LeadWritable, unknown>> } };

/** Which stored field a duplicate was found by. */
export type DuplicateField = 'mobile' | 'phone' | 'email';

export type NewActivity = ActivityData & { leadId: string; actorId: string | null; at: Date };

export type Activity = NewActivity & { id: string };
