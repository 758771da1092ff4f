import { parseStoredSlaSettings, type FollowUpStore, type SlaSettingsStore, type SlaStore, type SlaWrites } from '@sarnakh/core';
import type { Kysely } from 'kysely';
import type { SarnakhDatabase } from '../schema.js';
import { createLeadTransaction } from './leads.js';
import { insertNotifications } from './notifications.js';
import { createSettingsRepository } from './settings.js';
import { taskWrites } from './tasks.js';

type Db = Kysely<SarnakhDatabase>;

/** The settings key of the SLA and business calendar. */
export const SLA_SETTINGS_KEY = 'sla.settings';

export function createSlaSettingsStore(db: Db): SlaSettingsStore {
  const settings = createSettingsRepository(db);
  return {
    load: async () => parseStoredSlaSettings(await settings.get<unknown>(SLA_SETTINGS_KEY)),
    save: (value) => settings.set(SLA_SETTINGS_KEY, value),
  };
}

/** The SLA sweep's queries, each on a partial index of pending leads. */
export function createSlaStore(db: Db): SlaStore {
  return {
    async unarmed(limit) {
      return db
        .selectFrom('leads')
        .select(['id', 'source', 'priority', 'createdAt'])
        .where('slaState', '=', 'pending')
        .where('slaDueAt', 'is', null)
        .orderBy('createdAt')
        .limit(limit)
        .execute();
    },

    async arm(deadlines) {
      for (const { id, dueAt, policy } of deadlines) {
        await db
          .updateTable('leads')
          .set(dueAt === null ? { slaState: 'none', slaPolicy: policy } : { slaDueAt: dueAt, slaPolicy: policy })
          .where('id', '=', id)
          .where('slaState', '=', 'pending')
          .execute();
      }
    },

    async settleClosed() {
      const result = await db
        .updateTable('leads')
        .set({ slaState: 'none' })
        .where('slaState', '=', 'pending')
        .where((eb) => eb.or([eb('archivedAt', 'is not', null), eb('convertedAt', 'is not', null), eb('mergedIntoId', 'is not', null)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async due(now, limit) {
      const rows = await db
        .selectFrom('leads')
        .select('id')
        .where('slaState', '=', 'pending')
        .where('slaDueAt', '<=', now)
        .orderBy('slaDueAt')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    async managerIds() {
      const rows = await db.selectFrom('users').select('id').where('role', '=', 'manager').where('active', '=', true).orderBy('id').execute();
      return rows.map((r) => r.id);
    },
  };
}

function slaWrites(trx: Db): SlaWrites {
  return {
    async claimBreach(leadId, now) {
      const row = await trx
        .updateTable('leads')
        .set({ slaState: 'breached', slaBreachedAt: now })
        .where('id', '=', leadId)
        .where('slaState', '=', 'pending')
        .where('slaDueAt', '<=', now)
        .where('firstResponseAt', 'is', null)
        .where('archivedAt', 'is', null)
        .where('convertedAt', 'is', null)
        .where('mergedIntoId', 'is', null)
        .returning(['slaDueAt', 'slaPolicy'])
        .executeTakeFirst();
      if (!row?.slaDueAt) return null;
      return { dueAt: row.slaDueAt, policy: row.slaPolicy ?? 'default' };
    },
  };
}

/** One transaction over leads, tasks, notifications and the SLA's bookkeeping. */
export function createFollowUpStore(db: Db): FollowUpStore {
  return {
    transaction: (work) =>
      db.transaction().execute((trx) =>
        work({
          leads: createLeadTransaction(trx),
          tasks: taskWrites(trx),
          sla: slaWrites(trx),
          notify: (list) => insertNotifications(trx, list),
        }),
      ),
  };
}

