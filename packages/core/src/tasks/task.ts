import { z } from 'zod';

/** What kind of follow-up a task is. */
export const taskTypes = ['follow_up', 'call', 'meeting', 'email', 'other'] as const;
export type TaskType = (typeof taskTypes)[number];

/** A follow-up on a lead: due at a moment, optionally reminded before, done when completed. */
export interface Task {
  id: string;
  leadId: string;
  /** Set when the lead's conversion moves the task to the records it became. */
  organizationId: string | null;
  contactId: string | null;
  opportunityId: string | null;
  title: string;
  type: TaskType;
  /** Created by the system for a lead that turned `sql`, or by hand as urgent. */
  urgent: boolean;
  dueAt: Date;
  remindAt: Date | null;
  /** When the reminder went out (null: not yet, or rescheduled since). */
  remindedAt: Date | null;
  assigneeId: string | null;
  createdBy: string | null;
  completedAt: Date | null;
  completedBy: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The lists of `tasks.list`, by the organization's calendar day. */
export const taskScopes = ['today', 'upcoming', 'overdue', 'done'] as const;
export type TaskScope = (typeof taskScopes)[number];

const id = z.string().trim().min(1).max(100);
const title = z.string().trim().min(1).max(300);

export const taskCreateSchema = z.strictObject({
  leadId: id,
  title,
  type: z.enum(taskTypes).default('follow_up'),
  dueAt: z.coerce.date(),
  remindAt: z.coerce.date().nullish(),
  /** Defaults to the lead's owner (to the creator when the lead has none). */
  assigneeId: id.nullish(),
  urgent: z.boolean().default(false),
});
export type TaskCreateInput = z.input<typeof taskCreateSchema>;
export type TaskCreate = z.output<typeof taskCreateSchema>;

export const taskPatchSchema = z.strictObject({
  title: title.optional(),
  type: z.enum(taskTypes).optional(),
  dueAt: z.coerce.date().optional(),
  remindAt: z.coerce.date().nullable().optional(),
  assigneeId: id.nullable().optional(),
  urgent: z.boolean().optional(),
});
export type TaskPatch = z.output<typeof taskPatchSchema>;

export const taskListSchema = z.strictObject({
  scope: z.enum(taskScopes),
  /** Managers and admins: one person's tasks (null: unassigned ones); agents always see their own. */
  assigneeId: id.nullish(),
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TaskListInput = z.input<typeof taskListSchema>;

export interface TaskPage {
  items: Task[];
  nextCursor: string | null;
}
