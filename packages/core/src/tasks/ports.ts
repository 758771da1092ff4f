import type { Task, TaskPage, TaskScope, TaskType } from './task.js';

/** Which tasks a list shows: a scope measured against the organization's current day. */
export interface TaskListQuery {
  scope: TaskScope;
  /** Undefined: everyone's; null: unassigned tasks; a user id: theirs. */
  assigneeId?: string | null;
  /** The first instant of today, and of tomorrow, in the organization's time zone. */
  dayStart: Date;
  dayEnd: Date;
  cursor: string | null;
  limit: number;
}

export type NewTask = Omit<Task, 'id' | 'version' | 'remindedAt' | 'completedAt' | 'completedBy' | 'updatedAt'>;

/** What an edit may set on a task (the service decides what an actor may set). */
export type TaskChanges = Partial<
  Pick<Task, 'title' | 'dueAt' | 'remindAt' | 'remindedAt' | 'assigneeId' | 'urgent' | 'completedAt' | 'completedBy'> & { type: TaskType }
>;

/** Task reads (`@sarnakh/db` implements them). */
export interface TaskStore {
  get(id: string): Promise<Task | null>;
  list(query: TaskListQuery): Promise<TaskPage>;
  /** A lead's tasks, open ones first by due time, then done ones newest first. */
  forLead(leadId: string, assigneeId?: string): Promise<Task[]>;
  /** Open tasks whose reminder time has come and has not been sent, earliest first. */
  dueReminders(now: Date, limit: number): Promise<string[]>;
}

/** Task writes inside a follow-up transaction. */
export interface TaskWrites {
  /** The task, locked until the transaction ends (null: no such task). */
  lock(id: string): Promise<Task | null>;
  insert(task: NewTask): Promise<Task>;
  /** Write `changes`, bump the version and `updatedAt`. */
  update(id: string, changes: TaskChanges, at: Date): Promise<Task>;
  /** Recompute the lead's `nextTaskAt`/`nextTaskTitle` from its open tasks. */
  refreshNextTask(leadId: string): Promise<void>;
}
