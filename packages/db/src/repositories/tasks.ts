import type { Task, TaskListQuery, TaskPage, TaskScope, TaskStore, TaskType, TaskWrites } from '@sarnakh/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { SarnakhDatabase, TasksTable } from '../schema.js';
import { isUuid } from './leads.js';
import { timeKeyset } from './time-keyset.js';

type Db = Kysely<SarnakhDatabase>;

const toTask = (row: Selectable<TasksTable>): Task => ({ ...row, type: row.type as TaskType });

/** Open scopes page by due time, earliest first; `done` by completion, newest first. */
const keysets: Record<TaskScope, ReturnType<typeof timeKeyset>> = {
  today: timeKeyset('tasks.today', 'asc', 'tasks.dueAt'),
  upcoming: timeKeyset('tasks.upcoming', 'asc', 'tasks.dueAt'),
  overdue: timeKeyset('tasks.overdue', 'asc', 'tasks.dueAt'),
  done: timeKeyset('tasks.done', 'desc', 'tasks.completedAt'),
};

export function createTaskStore(db: Db): TaskStore {
  return {
    async get(id) {
      if (!isUuid(id)) return null;
      const row = await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toTask(row) : null;
    },

    async list(query: TaskListQuery): Promise<TaskPage> {
      const keyset = keysets[query.scope];
      const after = keyset.after(query.cursor);
      let q = db.selectFrom('tasks').selectAll().select(keyset.key.as('sortKey'));
      if (query.assigneeId === null) q = q.where('assigneeId', 'is', null);
      else if (query.assigneeId !== undefined) q = q.where('assigneeId', '=', query.assigneeId);
      switch (query.scope) {
        case 'overdue':
          q = q.where('completedAt', 'is', null).where('dueAt', '<', query.dayStart);
          break;
        case 'today':
          q = q.where('completedAt', 'is', null).where('dueAt', '>=', query.dayStart).where('dueAt', '<', query.dayEnd);
          break;
        case 'upcoming':
          q = q.where('completedAt', 'is', null).where('dueAt', '>=', query.dayEnd);
          break;
        case 'done':
          q = q.where('completedAt', 'is not', null);
          break;
      }
      const direction = query.scope === 'done' ? 'desc' : 'asc';
      const rows = await q
        .$if(after !== null, (b) => b.where(after!))
        .orderBy(query.scope === 'done' ? 'completedAt' : 'dueAt', direction)
        .orderBy('id', direction)
        .limit(query.limit + 1)
        .execute();
      const { rows: page, nextCursor } = keyset.page(rows, query.limit);
      return { items: page.map(toTask), nextCursor };
    },

    async forLead(leadId, assigneeId) {
      if (!isUuid(leadId)) return [];
      const rows = await db
        .selectFrom('tasks')
        .selectAll()
        .where('leadId', '=', leadId)
        .$if(assigneeId !== undefined, (q) => q.where('assigneeId', '=', assigneeId!))
        .orderBy(sql`completed_at is not null`)
        .orderBy(sql`case when completed_at is null then due_at end`)
        .orderBy('completedAt', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toTask);
    },

    async dueReminders(now, limit) {
      const rows = await db
        .selectFrom('tasks')
        .select('id')
        .where('remindAt', '<=', now)
        .where('remindedAt', 'is', null)
        .where('completedAt', 'is', null)
        .orderBy('remindAt')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}

/**
 * Set leads' next-task columns from their open tasks, in the caller's transaction. Whoever moves
 * tasks between leads (a merge, an unmerge) calls this for the leads on both sides.
 */
export async function refreshNextTasks(trx: Db, leadIds: readonly string[]): Promise<void> {
  const ids = leadIds.filter(isUuid);
  if (ids.length === 0) return;
  await sql`update leads set
      next_task_at = next.due_at,
      next_task_title = next.title
    from leads target
    left join lateral (
      select t.due_at, t.title from tasks t
      where t.lead_id = target.id and t.completed_at is null
      order by t.due_at, t.id limit 1
    ) next on true
    where leads.id = target.id and target.id in (${sql.join(ids.map((id) => sql`cast(cast(${id} as text) as uuid)`))})
      and (leads.next_task_at is distinct from next.due_at or leads.next_task_title is distinct from next.title)`.execute(trx);
}

export function taskWrites(trx: Db): TaskWrites {
  return {
    async lock(id) {
      if (!isUuid(id)) return null;
      const row = await trx.selectFrom('tasks').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      return row ? toTask(row) : null;
    },

    async insert(task) {
      const row = await trx
        .insertInto('tasks')
        .values({ ...task, updatedAt: task.createdAt })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toTask(row);
    },

    async update(id, changes, at) {
      const row = await trx
        .updateTable('tasks')
        .set((eb) => ({ ...changes, version: eb('version', '+', 1), updatedAt: at }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toTask(row);
    },

    refreshNextTask: (leadId) => refreshNextTasks(trx, [leadId]),
  };
}
