import { emitAll, type FollowUpEvent } from '../followups/events.js';
import type { FollowUpStore } from '../followups/ports.js';
import type { LeadEventSink } from '../lead/ingest.js';
import type { TaskStore } from './ports.js';

export interface ReminderDeps {
  followUps: FollowUpStore;
  tasks: TaskStore;
  events?: LeadEventSink;
  now?: () => Date;
}

/** Reminders per sweep; the rest wait for the next minute's. */
const BATCH = 500;

/**
 * Send the reminders that are due: each task's assignee gets an in-app notification and plugins
 * `task.reminder` (an SMS, an email). Run by a durable job every minute. A reminder goes out once
 * per reminder time: the task's `remindedAt` is set in the same transaction as the notification,
 * and a completed or rescheduled task is skipped, so a retried or overlapping sweep sends nothing twice.
 */
export function createReminderSweep(deps: ReminderDeps) {
  const now = deps.now ?? (() => new Date());

  return async function sendDueReminders(): Promise<{ sent: number }> {
    const at = now();
    let sent = 0;
    for (const id of await deps.tasks.dueReminders(at, BATCH)) {
      const peek = await deps.tasks.get(id);
      if (!peek) continue;
      const events: FollowUpEvent[] = [];
      const task = await deps.followUps.transaction(async (tx) => {
        // The lead first, then the task, as task edits lock them: two sweeps and an edit cannot deadlock.
        const [lead] = await tx.leads.lock({ kind: 'all' }, [peek.leadId]);
        const current = await tx.tasks.lock(id);
        if (!lead || !current || current.leadId !== lead.id) return null;
        if (current.completedAt !== null || current.remindAt === null || current.remindedAt !== null) return null;
        if (current.remindAt.getTime() > at.getTime()) return null;
        const updated = await tx.tasks.update(id, { remindedAt: at }, at);
        const notifications = current.assigneeId
          ? await tx.notify([
              {
                userId: current.assigneeId,
                type: 'task.reminder',
                leadId: current.leadId,
                taskId: current.id,
                data: { title: current.title, type: current.type, dueAt: current.dueAt.toISOString(), urgent: current.urgent },
                createdAt: at,
                dedupKey: `task.reminder:${current.id}:${current.remindAt.toISOString()}`,
              },
            ])
          : [];
        events.push({ name: 'task.reminder', payload: { lead, actorId: null, at, task: updated, userId: updated.assigneeId } });
        for (const notification of notifications) events.push({ name: 'notification.created', payload: { notification, at } });
        return updated;
      });
      if (!task) continue;
      sent++;
      await emitAll(deps.events, events);
    }
    return { sent };
  };
}
