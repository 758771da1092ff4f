import { sql, type Kysely } from 'kysely';
import type { SarnakhDatabase } from '../schema.js';

export function createSettingsRepository(db: Kysely<SarnakhDatabase>) {
  return {
    /**
     * The stored value, or `create()`'s stored atomically when there is none yet. Processes that
     * start together agree on one value: the first insert wins and everyone reads it back.
     */
    async getOrCreate<T>(key: string, create: () => T): Promise<T> {
      await db
        .insertInto('settings')
        .values({ key, value: JSON.stringify(create()) })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const row = await db.selectFrom('settings').select(sql<T>`value`.as('value')).where('key', '=', key).executeTakeFirstOrThrow();
      return row.value as T;
    },
  };
}
