import type { LeadWritable } from './lead.js';

export const activityTypes = ['created', 'updated', 'assigned', 'stage_changed', 'archived', 'unarchived', 'duplicate_submitted', 'sms_received', 'sms_sent', 'note', 'call', 'task_created', 'task_completed', 'task_reopened', 'sla_breached', 'converted', 'merged', 'unmerged'] as const;
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
  /** Why the lead was distributed again: its first-response deadline passed (the previous owner was left out). */
  trigger?: 'sla_breach';
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
  | { type: 'duplicate_submitted'; data: { origin: LeadOrigin; matchedOn: DuplicateField; submitted: Partial<Record<keyof LeadWritable, unknown>> } }
  /** An SMS from the lead reached one of the team's lines (behavior rules count it as a reply). */
  | { type: 'sms_received'; data: SmsActivity }
  /** An SMS went to the lead from one of the team's lines; `status` is the provider's answer. */
  | { type: 'sms_sent'; data: SmsActivity & { status: string | null } }
  | { type: 'note'; data: { body: string } }
  /** `result` is a `lastContactResult` picklist key. */
  | { type: 'call'; data: { result: string; note: string | null } }
  | { type: 'task_created'; data: TaskActivity & { dueAt: string; assigneeId: string | null } }
  | { type: 'task_completed'; data: TaskActivity }
  | { type: 'task_reopened'; data: TaskActivity }
  /** The first response was not given by `dueAt` (ISO) under the SLA target `policy`. */
  | { type: 'sla_breached'; data: { policy: string; dueAt: string; ownerId: string | null } }
  /** The lead became these records (`linked`: an existing one matched and was reused, not created). */
  | { type: 'converted'; data: { organizationId?: string; contactId?: string; opportunityId?: string; linked: { organization: boolean; contact: boolean } } }
  /** Other leads were merged into this one (`leads.merge`); `changes` are this lead's fields the merge set. */
  | { type: 'merged'; data: { mergeId: string; mergedIds: string[]; changes: FieldChanges } }
  /** A merge was undone (`leads.unmerge`); `changes` are the fields put back. */
  | { type: 'unmerged'; data: { mergeId: string; mergedIds: string[]; changes: FieldChanges } }
  /** A plugin's own activity: its type is namespaced by the plugin (`whatsapp.message_sent`). */
  | { type: PluginActivityType; data: Record<string, unknown> };

/** Activity types plugins define: `<plugin>.<name>`; core's types have no dot. */
export type PluginActivityType = `${string}.${string}`;

/** Which task an activity is about, as it was then. */
export interface TaskActivity {
  taskId: string;
  title: string;
  type: string;
}

/** One SMS on a lead's timeline: which line, between which numbers (E.164), what it said. */
export interface SmsActivity {
  lineId: string;
  from: string;
  to: string;
  text: string;
  provider: string;
  providerMessageId: string | null;
}

/** Which stored field a duplicate was found by. */
export type DuplicateField = 'mobile' | 'phone' | 'email';

export type NewActivity = ActivityData & { leadId: string; actorId: string | null; at: Date };

export type Activity = NewActivity & { id: string };
