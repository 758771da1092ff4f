import type { NewNotification, Notification, NotificationStore, NotificationType } from '@sarnakh/core';
import type { Kysely, Selectable } from 'kysely';
import { jsonb, readJson } from '../json.js';
import type { NotificationsTable, SarnakhDatabase } from '../schema.js';
import { isUuid } from './leads.js';
import { timeKeyset } from './time-keyset.js';

type Db = Kysely<SarnakhDatabase>;

const newestFirst = timeKeyset('notifications', 'desc', 'notifications.createdAt');

function toNotification(row: Omit<Selectable<NotificationsTable>, 'dedupKey'>): Notification {
  return { ...row, type: row.type as NotificationType, data: readJson<Record<string, unknown>>(row.data) };
}

const columns = ['id', 'userId', 'type', 'leadId', 'taskId', 'data', 'readAt', 'createdAt'] as const;

/** Write notifications in the caller's transaction; those whose `dedupKey` exists are skipped. */
export async function insertNotifications(trx: Db, notifications: readonly NewNotification[]): Promise<Notification[]> {
  if (notifications.length === 0) return [];
  const rows = await trx
    .insertInto('notifications')
    .values(notifications.map(({ data, ...n }) => ({ ...n, data: jsonb(data) })))
    .onConflict((oc) => oc.column('dedupKey').doNothing())
    .returning(columns)
    .execute();
  return rows.map(toNotification);
}

/** A user's in-app notifications. */
export function createNotificationStore(db: Db): NotificationStore {
  return {
    async list(userId, { unreadOnly, cursor, limit }) {
      const after = newestFirst.after(cursor);
      const rows = await db
        .selectFrom('notifications')
        .select([...columns, newestFirst.key.as('sortKey')])
        .where('userId', '=', userId)
        .$if(unreadOnly, (q) => q.where('readAt', 'is', null))
        .$if(after !== null, (q) => q.where(after!))
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      const { rows: page, nextCursor } = newestFirst.page(rows, limit);
      return { items: page.map(toNotification), nextCursor };
    },

    async unreadCount(userId) {
      const { n } = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('userId', '=', userId)
        .where('readAt', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(n);
    },

    async markRead(userId, target, at) {
      let q = db.updateTable('notifications').set({ readAt: at }).where('userId', '=', userId).where('readAt', 'is', null);
      if ('ids' in target) {
        const ids = target.ids.filter(isUuid);
        if (ids.length === 0) return 0;
        q = q.where('id', 'in', ids);
      }
      const result = await q.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
