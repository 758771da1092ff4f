import type { MessageTemplate, TemplateStore, TemplateWritable, UserNames } from '@sarnakh/core';
import type { Kysely, Selectable } from 'kysely';
import { jsonb, readJson } from '../json.js';
import type { MessageTemplatesTable, SarnakhDatabase } from '../schema.js';
import { isUuid } from './leads.js';

type Db = Kysely<SarnakhDatabase>;

function toTemplate(row: Selectable<MessageTemplatesTable>): MessageTemplate {
  return {
    ...row,
    body: readJson<MessageTemplate['body']>(row.body),
    subject: row.subject === null ? null : readJson<NonNullable<MessageTemplate['subject']>>(row.subject),
  };
}

const columnsOf = (t: TemplateWritable) => ({
  name: t.name,
  channel: t.channel,
  body: jsonb(t.body),
  subject: t.subject === null ? null : jsonb(t.subject),
});

export function createTemplateStore(db: Db): TemplateStore {
  return {
    async list({ includeArchived, channel }) {
      let query = db.selectFrom('messageTemplates').selectAll();
      if (!includeArchived) query = query.where('archivedAt', 'is', null);
      if (channel) query = query.where('channel', '=', channel);
      const rows = await query.orderBy((eb) => eb.fn('lower', ['name'])).orderBy('id').execute();
      return rows.map(toTemplate);
    },

    async get(id) {
      if (!isUuid(id)) return null;
      const row = await db.selectFrom('messageTemplates').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toTemplate(row) : null;
    },

    async insert(template, createdBy, at) {
      const row = await db
        .insertInto('messageTemplates')
        .values({ ...columnsOf(template), createdBy, createdAt: at, updatedAt: at })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toTemplate(row);
    },

    async update(id, template, at) {
      if (!isUuid(id)) return null;
      const row = await db
        .updateTable('messageTemplates')
        .set({ ...columnsOf(template), updatedAt: at })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toTemplate(row) : null;
    },

    async archive(id, at) {
      if (!isUuid(id)) return null;
      const row = await db
        .updateTable('messageTemplates')
        .set((eb) => ({ archivedAt: eb.fn.coalesce('archivedAt', eb.val(at)) }))
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toTemplate(row) : null;
    },
  };
}

export function createUserNames(db: Db): UserNames {
  return {
    async nameOf(userId) {
      const row = await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst();
      return row?.name ?? null;
    },
  };
}
