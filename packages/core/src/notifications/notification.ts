import { z } from 'zod';

/** Kinds of in-app notification. */
export const notificationTypes = ['task.reminder', 'lead.slaBreached', 'task.assigned'] as const;
export type NotificationType = (typeof notificationTypes)[number];

/** One message to one user in the app, with what it is about; the web app renders it by `type`. */
export interface Notification {
  id: string;
  userId: string;
  type: NotificationType;
  leadId: string | null;
  taskId: string | null;
  /** What the message needs to be shown without another read: the task's title, the due time… */
  data: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
}

/** A notification to write; `dedupKey` makes a repeat of the same message (a retried job) a no-op. */
export type NewNotification = Omit<Notification, 'id' | 'readAt'> & { dedupKey: string };

export const notificationListSchema = z.strictObject({
  unreadOnly: z.boolean().default(false),
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type NotificationListInput = z.input<typeof notificationListSchema>;

export const markReadSchema = z.union([
  z.strictObject({ ids: z.array(z.string().min(1).max(100)).min(1).max(500) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type MarkReadInput = z.input<typeof markReadSchema>;

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
}

/** A user's notifications: the reads and marks of `notifications.*`. */
export interface NotificationStore {
  list(userId: string, options: { unreadOnly: boolean; cursor: string | null; limit: number }): Promise<NotificationPage>;
  unreadCount(userId: string): Promise<number>;
  /** Mark the user's own notifications read; returns how many changed. */
  markRead(userId: string, target: { ids: readonly string[] } | { all: true }, at: Date): Promise<number>;
}
