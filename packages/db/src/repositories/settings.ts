import { sql, type Kysely } from 'kysely';
import { jsonb, readJson } from '../json.js';
import type { SarnakhDatabase } from '../schema.js';

export function createSettingsRepository(db: Kysely<SarnakhDatabase>) {
  return {
    async set(key: string, value: unknown): Promise<void> {
      await db
        .insertInto('settings')
        .values({ key, value: jsonb(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: jsonb(value), updatedAt: new Date() }))
        .execute();
    },

    async get<T>(key: string): Promise<T | undefined> {
      const row = await db.selectFrom('settings').select(sql<T>`value`.as('value')).where('key', '=', key).executeTakeFirst();
      return row ? readJson<T>(row.value) : undefined;
    },

    /**
     * Remove and return the value when `accept` approves it, atomically: of concurrent callers
     * holding the same one-time value, exactly one gets it.
     */
    async take<T>(key: string, accept: (value: T) => boolean): Promise<T | undefined> {
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('settings').select(sql<T>`value`.as('value')).where('key', '=', key).forUpdate().executeTakeFirst();
        if (!row || !accept(readJson<T>(row.value))) return undefined;
        await trx.deleteFrom('settings').where('key', '=', key).execute();
        return readJson<T>(row.value);
      });
    },

    /**
     * The stored value, or `create()`'s stored atomically when there is none yet. Processes that
     * start together agree on one value: the first insert wins and everyone reads it back.
     */
    async getOrCreate<T>(key: string, create: () => T): Promise<T> {
      await db
        .insertInto('settings')
        .values({ key, value: jsonb(create()) })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const row = await db.selectFrom('settings').select(sql<T>`value`.as('value')).where('key', '=', key).executeTakeFirstOrThrow();
      return readJson<T>(row.value);
    },
  };
}
