import { leadScope, type Actor } from '../auth/roles.js';
import { fieldError, type FieldError } from '../errors.js';
import { emitAll, type FollowUpEvent } from '../followups/events.js';
import type { FollowUpFailure } from '../followups/failure.js';
import type { FollowUpStore, FollowUpTransaction } from '../followups/ports.js';
import type { Locale } from '../i18n/locales.js';
import type { Activity, NewActivity, TaskActivity } from '../lead/activity.js';
import type { LeadEventSink } from '../lead/ingest.js';
import type { Lead } from '../lead/lead.js';
import type { LeadStore, UserDirectory } from '../lead/ports.js';
import type { NewNotification } from '../notifications/notification.js';
import { err, ok, type Result } from '../result.js';
import { localDayBounds } from '../sla/calendar.js';
import type { TaskChanges, TaskStore } from './ports.js';
import type { Task, TaskCreate, TaskPage, TaskPatch, TaskScope } from './task.js';

export interface TaskServiceDeps {
  followUps: FollowUpStore;
  tasks: TaskStore;
  leads: LeadStore;
  users: UserDirectory;
  /** The organization's IANA time zone: "today" is its calendar day. */
  timeZone: () => Promise<string>;
  events?: LeadEventSink;
  now?: () => Date;
}

export type TaskResult<T> = Result<T, FollowUpFailure>;

const isAgent = (actor: Actor) => actor.role === 'agent';
/** Agents see and change the tasks assigned to them; managers and admins every task. */
const visibleTo = (actor: Actor, task: Task) => !isAgent(actor) || task.assigneeId === actor.userId;
const taskActivity = (task: Task): TaskActivity => ({ taskId: task.id, title: task.title, type: task.type });
const iso = (at: Date) => at.toISOString();

/** Tasks on leads: create, edit, complete and reopen them, each with the lead's next-task columns in the same transaction. */
export function createTaskService(deps: TaskServiceDeps) {
  const now = deps.now ?? (() => new Date());

  const taskNotFound = (id: string): FollowUpFailure => ({ code: 'NOT_FOUND', entity: 'task', id });

  /** The assignee must exist and be active; an agent may only assign themselves. */
  async function checkAssignee(actor: Actor | null, assigneeId: string | null, locale?: Locale): Promise<FollowUpFailure | null> {
    if (actor && isAgent(actor) && assigneeId !== actor.userId) return { code: 'FORBIDDEN', reason: 'agents can only assign tasks to themselves' };
    if (assigneeId === null) return null;
    const [user] = await deps.users.findUsers([assigneeId]);
    if (!user) return { code: 'VALIDATION', fields: [fieldError('assigneeId', 'unknown_value', locale)] };
    if (!user.active) return { code: 'VALIDATION', fields: [fieldError('assigneeId', 'inactive_user', locale)] };
    return null;
  }

  function checkTimes(dueAt: Date, remindAt: Date | null, locale?: Locale): FieldError[] {
    const errors: FieldError[] = [];
    if (Number.isNaN(dueAt.getTime())) errors.push(fieldError('dueAt', 'invalid_date', locale));
    if (remindAt !== null && Number.isNaN(remindAt.getTime())) errors.push(fieldError('remindAt', 'invalid_date', locale));
    else if (remindAt !== null && remindAt.getTime() > dueAt.getTime()) errors.push(fieldError('remindAt', 'out_of_range', locale));
    return errors;
  }

  /** A "you were given a task" notification, when someone else gave it. */
  function assignedNotice(task: Task, actorId: string | null, at: Date): NewNotification[] {
    if (task.assigneeId === null || task.assigneeId === actorId) return [];
    return [
      {
        userId: task.assigneeId,
        type: 'task.assigned',
        leadId: task.leadId,
        taskId: task.id,
        data: { title: task.title, dueAt: iso(task.dueAt), by: actorId },
        createdAt: at,
        dedupKey: `task.assigned:${task.id}:${task.assigneeId}:${task.version}`,
      },
    ];
  }

  /** Commit, then tell plugins of the activities and notifications written. */
  async function committed<T>(
    work: (tx: FollowUpTransaction) => Promise<TaskResult<{ value: T; lead: Lead | null; activities: Activity[] }>>,
  ): Promise<TaskResult<T>> {
    const notifications: FollowUpEvent[] = [];
    const outcome = await deps.followUps.transaction(async (tx) => {
      const result = await work({
        ...tx,
        notify: async (list) => {
          const written = await tx.notify(list);
          for (const notification of written) notifications.push({ name: 'notification.created', payload: { notification, at: notification.createdAt } });
          return written;
        },
      });
      // A refused change leaves the notifications unwritten (the transaction rolls back).
      if (!result.ok) notifications.length = 0;
      return result;
    });
    if (!outcome.ok) return outcome;
    const { value, lead, activities } = outcome.value;
    const events: FollowUpEvent[] = lead
      ? activities.map((activity) => ({ name: 'activity.logged' as const, payload: { lead, actorId: activity.actorId, at: activity.at, activity } }))
      : [];
    await emitAll(deps.events, [...events, ...notifications]);
    return ok(value);
  }

  /** Lock the task's lead, then the task (always in this order, so two edits cannot deadlock). */
  async function lockTask(tx: FollowUpTransaction, actor: Actor, peek: Task): Promise<TaskResult<{ task: Task; lead: Lead }>> {
    const id = peek.id;
    const [lead] = await tx.leads.lock({ kind: 'all' }, [peek.leadId]);
    const task = await tx.tasks.lock(id);
    if (!lead || !task || task.leadId !== lead.id || !visibleTo(actor, task)) return err(taskNotFound(id));
    return ok({ task, lead });
  }

  async function change(
    actor: Actor,
    id: string,
    decide: (task: Task) => TaskResult<{ changes: TaskChanges; activity: NewActivity['type'] | null } | null>,
  ): Promise<TaskResult<Task>> {
    // The peek runs outside the transaction: on the embedded database only `tx` may query inside it.
    const peek = await deps.tasks.get(id);
    if (!peek || !visibleTo(actor, peek)) return err(taskNotFound(id));
    return committed(async (tx) => {
      const locked = await lockTask(tx, actor, peek);
      if (!locked.ok) return locked;
      const { task, lead } = locked.value;
      const decision = decide(task);
      if (!decision.ok) return decision;
      if (decision.value === null) return ok({ value: task, lead: null, activities: [] });
      const at = now();
      const updated = await tx.tasks.update(id, decision.value.changes, at);
      await tx.tasks.refreshNextTask(task.leadId);
      const activityType = decision.value.activity;
      const activities =
        activityType === 'task_completed' || activityType === 'task_reopened'
          ? await tx.leads.recordActivities([{ leadId: task.leadId, actorId: actor.userId, at, type: activityType, data: taskActivity(updated) }])
          : [];
      const reassigned = decision.value.changes.assigneeId !== undefined && decision.value.changes.assigneeId !== task.assigneeId;
      if (reassigned) await tx.notify(assignedNotice(updated, actor.userId, at));
      return ok({ value: updated, lead, activities });
    });
  }

  return {
    async get(actor: Actor, id: string): Promise<TaskResult<Task>> {
      const task = await deps.tasks.get(id);
      return task && visibleTo(actor, task) ? ok(task) : err(taskNotFound(id));
    },

    /** A lead's tasks (those the actor may see), for the lead page. */
    async forLead(actor: Actor, leadId: string): Promise<TaskResult<Task[]>> {
      const lead = await deps.leads.get(leadScope(actor), leadId);
      if (!lead) return err({ code: 'NOT_FOUND', entity: 'lead', id: leadId });
      return ok(await deps.tasks.forLead(leadId, isAgent(actor) ? actor.userId : undefined));
    },

    /**
     * `today`, `upcoming` (from tomorrow), `overdue` (due before today) — open tasks by due time —
     * or `done`, newest first. Days are the organization's, in its time zone.
     */
    async list(
      actor: Actor,
      input: { scope: TaskScope; assigneeId?: string | null | undefined; cursor?: string | null | undefined; limit: number },
    ): Promise<TaskPage> {
      const { start, end } = localDayBounds(now(), await deps.timeZone());
      const assigneeId = isAgent(actor) ? actor.userId : input.assigneeId;
      return deps.tasks.list({
        scope: input.scope,
        ...(assigneeId === undefined ? {} : { assigneeId }),
        dayStart: start,
        dayEnd: end,
        cursor: input.cursor ?? null,
        limit: input.limit,
      });
    },

    /**
     * A task on a lead the actor may see. It goes to the lead's owner unless `assigneeId` says
     * otherwise (to the creator when the lead has no owner); an agent only creates on their own
     * leads and for themselves. A null actor is the system (an urgent task for a hot lead).
     */
    async create(actor: Actor | null, input: TaskCreate, locale?: Locale): Promise<TaskResult<Task>> {
      const scope = actor ? leadScope(actor) : ({ kind: 'all' } as const);
      const lead = await deps.leads.get(scope, input.leadId);
      if (!lead) return err({ code: 'NOT_FOUND', entity: 'lead', id: input.leadId });
      const assigneeId = input.assigneeId ?? lead.ownerId ?? actor?.userId ?? null;
      const problem = await checkAssignee(actor, assigneeId, locale);
      if (problem) return err(problem);
      const remindAt = input.remindAt ?? null;
      const timeErrors = checkTimes(input.dueAt, remindAt, locale);
      if (timeErrors.length > 0) return err({ code: 'VALIDATION', fields: timeErrors });
      const actorId = actor?.userId ?? null;
      return committed(async (tx) => {
        const [locked] = await tx.leads.lock(scope, [lead.id]);
        if (!locked) return err({ code: 'NOT_FOUND', entity: 'lead', id: lead.id });
        const at = now();
        const task = await tx.tasks.insert({
          leadId: locked.id,
          organizationId: null,
          contactId: null,
          opportunityId: null,
          title: input.title,
          type: input.type,
          urgent: input.urgent,
          dueAt: input.dueAt,
          remindAt,
          assigneeId,
          createdBy: actorId,
          createdAt: at,
        });
        await tx.tasks.refreshNextTask(locked.id);
        const activities = await tx.leads.recordActivities([
          { leadId: locked.id, actorId, at, type: 'task_created', data: { ...taskActivity(task), dueAt: iso(task.dueAt), assigneeId } },
        ]);
        await tx.notify(assignedNotice(task, actorId, at));
        return ok({ value: task, lead: locked, activities });
      });
    },

    /** Change a task; a new due or reminder time re-arms its reminder. */
    async update(actor: Actor, id: string, patch: TaskPatch, locale?: Locale): Promise<TaskResult<Task>> {
      if (patch.assigneeId !== undefined) {
        const problem = await checkAssignee(actor, patch.assigneeId, locale);
        if (problem) return err(problem);
      }
      return change(actor, id, (task) => {
        const changes: TaskChanges = {};
        for (const key of ['title', 'type', 'assigneeId', 'urgent'] as const) {
          if (patch[key] !== undefined && patch[key] !== task[key]) Object.assign(changes, { [key]: patch[key] });
        }
        const dueAt = patch.dueAt ?? task.dueAt;
        const remindAt = patch.remindAt === undefined ? task.remindAt : patch.remindAt;
        const errors = checkTimes(dueAt, remindAt, locale);
        if (errors.length > 0) return err({ code: 'VALIDATION', fields: errors });
        if (dueAt.getTime() !== task.dueAt.getTime()) changes.dueAt = dueAt;
        if ((remindAt?.getTime() ?? null) !== (task.remindAt?.getTime() ?? null)) changes.remindAt = remindAt;
        if (changes.dueAt !== undefined || changes.remindAt !== undefined) changes.remindedAt = null;
        return ok(Object.keys(changes).length === 0 ? null : { changes, activity: null });
      });
    },

    /** Mark done (doing it twice changes nothing); its reminder will not fire. */
    complete(actor: Actor, id: string): Promise<TaskResult<Task>> {
      return change(actor, id, (task) =>
        ok(task.completedAt !== null ? null : { changes: { completedAt: now(), completedBy: actor.userId }, activity: 'task_completed' }),
      );
    },

    reopen(actor: Actor, id: string): Promise<TaskResult<Task>> {
      return change(actor, id, (task) =>
        ok(task.completedAt === null ? null : { changes: { completedAt: null, completedBy: null }, activity: 'task_reopened' }),
      );
    },
  };
}

export type TaskService = ReturnType<typeof createTaskService>;
