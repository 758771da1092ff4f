import type { LeadEvents } from '../plugins/hooks.js';
import { urgentTaskSetting, type ScoringRules } from '../scoring/rules.js';
import type { TaskStore } from './ports.js';
import type { TaskService } from './service.js';

/** The urgent task's title when the scoring rules give none. */
export const DEFAULT_URGENT_TASK_TITLE = 'تماس فوری: سرنخ داغ (SQL)';

export interface UrgentTaskDeps {
  tasks: Pick<TaskService, 'create'>;
  store: Pick<TaskStore, 'forLead'>;
  rules: () => ScoringRules | Promise<ScoringRules>;
  now?: () => Date;
  onError?: (leadId: string, reason: unknown) => void;
}

/**
 * When a lead turns `sql` (at capture or by a rescore) and the scoring rules ask for it
 * (`urgentTaskOnSql`), give its owner an urgent call task, due `dueInMinutes` later — unless an
 * urgent task is already open on the lead. Runs after the qualification's commit, as a handler of
 * `lead.created` and `lead.qualified`.
 */
export function createUrgentTaskOnSql(deps: UrgentTaskDeps) {
  const now = deps.now ?? (() => new Date());
  return async function onQualified(event: Pick<LeadEvents['lead.qualified'], 'lead'> & { to: string }): Promise<void> {
    const { lead } = event;
    if (event.to !== 'sql' || lead.ownerId === null) return;
    const setting = urgentTaskSetting(await deps.rules());
    if (!setting.enabled) return;
    const open = await deps.store.forLead(lead.id);
    if (open.some((task) => task.urgent && task.completedAt === null)) return;
    const at = now();
    const created = await deps.tasks.create(null, {
      leadId: lead.id,
      title: setting.title ?? DEFAULT_URGENT_TASK_TITLE,
      type: 'call',
      urgent: true,
      dueAt: new Date(at.getTime() + setting.dueInMinutes * 60_000),
      remindAt: at,
      assigneeId: lead.ownerId,
    });
    if (!created.ok) deps.onError?.(lead.id, created.error);
  };
}
