import { picklistKeys, type PicklistKey, type PicklistSource, type Picklists, type PicklistValue } from '@sarnakh/core';
import type { Kysely } from 'kysely';
import { readJson } from '../json.js';
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
