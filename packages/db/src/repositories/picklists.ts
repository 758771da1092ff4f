import { picklistKeys, type PicklistKey, type PicklistSource, type Picklists, type PicklistValue } from '@sarnakh/core';
import type { Kysely } from 'kysely';
import { jsonb, readJson } from '../json.js';
import type { SarnakhDatabase } from '../schema.js';

export function createPicklistSource(db: Kysely<SarnakhDatabase>): PicklistSource {
  return {
    async load(): Promise<Picklists> {
      const rows = await db.selectFrom('picklistValues').selectAll().orderBy('list').orderBy('position').execute();
      const lists = Object.fromEntries(picklistKeys.map((k) => [k, [] as PicklistValue[]])) as Record<PicklistKey, PicklistValue[]>;
      for (const row of rows) {
        const list = lists[row.list as PicklistKey];
        if (!list) continue;
        list.push({
          key: row.key,
          label: readJson<PicklistValue['label']>(row.label),
          position: row.position,
          color: row.color,
          won: row.won,
          lost: row.lost,
          retired: row.retiredAt !== null,
        });
      }
      return lists;
    },
  };
}

/** Which lead column holds each list's keys: a value some lead has is in use. */
const leadColumnOf = {
  stage: 'stage',
  source: 'source',
  channel: 'channel',
  priority: 'priority',
  industry: 'industry',
  lastContactResult: 'lastContactResult',
} as const satisfies Record<PicklistKey, string>;

export interface PicklistValueDraft {
  label: PicklistValue['label'];
  color: string | null;
  won: boolean;
  lost: boolean;
}

/** Admins' edits of the picklists. Keys never change; a value in use is retired, never deleted. */
export function createPicklistRepository(db: Kysely<SarnakhDatabase>) {
  return {
    /** Null when the list already has the key (retired ones included). */
    async create(list: PicklistKey, key: string, draft: PicklistValueDraft): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('picklistValues')
          .select((eb) => eb.fn.max('position').as('max'))
          .where('list', '=', list)
          .executeTakeFirst();
        const inserted = await trx
          .insertInto('picklistValues')
          .values({ list, key, label: jsonb(draft.label), color: draft.color, won: draft.won, lost: draft.lost, position: (last?.max ?? 0) + 10, retiredAt: null })
          .onConflict((oc) => oc.columns(['list', 'key']).doNothing())
          .returning('key')
          .executeTakeFirst();
        return inserted !== undefined;
      });
    },

    async update(list: PicklistKey, key: string, patch: Partial<PicklistValueDraft>): Promise<boolean> {
      const { label, ...rest } = patch;
      const updated = await db
        .updateTable('picklistValues')
        .set({ ...rest, ...(label ? { label: jsonb(label) } : {}) })
        .where('list', '=', list)
        .where('key', '=', key)
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },

    /** Positions follow `keys`' order; values not named keep their order, after the named ones. */
    async reorder(list: PicklistKey, keys: readonly string[]): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom('picklistValues').select('key').where('list', '=', list).orderBy('position').forUpdate().execute();
        const rest = rows.map((r) => r.key).filter((k) => !keys.includes(k));
        const order = [...keys, ...rest];
        for (const [index, key] of order.entries()) {
          await trx.updateTable('picklistValues').set({ position: (index + 1) * 10 }).where('list', '=', list).where('key', '=', key).execute();
        }
      });
    },

    async setRetired(list: PicklistKey, key: string, at: Date | null): Promise<boolean> {
      const updated = await db
        .updateTable('picklistValues')
        .set({ retiredAt: at })
        .where('list', '=', list)
        .where('key', '=', key)
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    },

    /**
     * Delete a value no lead has (archived leads included), checked and deleted in one
     * transaction under a lock on the value's row. `in_use`: some lead has it, so retire it instead.
     */
    async deleteUnused(list: PicklistKey, key: string): Promise<'deleted' | 'in_use' | 'not_found'> {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('picklistValues').select('key').where('list', '=', list).where('key', '=', key).forUpdate().executeTakeFirst();
        if (!row) return 'not_found';
        const used = await trx.selectFrom('leads').select('id').where(leadColumnOf[list], '=', key).limit(1).executeTakeFirst();
        if (used) return 'in_use';
        await trx.deleteFrom('picklistValues').where('list', '=', list).where('key', '=', key).execute();
        return 'deleted';
      });
    },
  };
}

export type PicklistRepository = ReturnType<typeof createPicklistRepository>;
