import type { LeadTransaction } from '../lead/ports.js';
import type { NewNotification, Notification } from '../notifications/notification.js';
import type { SlaWrites } from '../sla/ports.js';
import type { TaskWrites } from '../tasks/ports.js';

/**
 * One database transaction over leads, tasks, notifications and SLA bookkeeping, so a follow-up
 * change (a task and the lead's next-task columns, a breach and its notifications) commits whole.
 */
export interface FollowUpStore {
  transaction<T>(work: (tx: FollowUpTransaction) => Promise<T>): Promise<T>;
}

export interface FollowUpTransaction {
  leads: LeadTransaction;
  tasks: TaskWrites;
  sla: SlaWrites;
  /** Write notifications; one whose `dedupKey` was written before is skipped. Returns those written. */
  notify(notifications: readonly NewNotification[]): Promise<Notification[]>;
}
