import type { Layout, LayoutKind, LayoutSource } from '@sarnakh/core';
import type { Kysely } from 'kysely';
import { jsonb, readJson } from '../json.js';
import type { SarnakhDatabase } from '../schema.js';

/** Saved layouts, one per kind; a kind never saved has none (core's default applies). */
export function createLayoutRepository(db: Kysely<SarnakhDatabase>): LayoutSource & { save(layout: Layout, by: string | null, at: Date): Promise<void>; remove(kind: LayoutKind): Promise<void> } {
  return {
    async get(kind: LayoutKind): Promise<Layout | null> {
      const row = await db.selectFrom('layouts').select('definition').where('kind', '=', kind).executeTakeFirst();
      if (!row) return null;
      const { sections } = readJson<Pick<Layout, 'sections'>>(row.definition);
      return { kind, sections };
    },

    async save(layout, by, at) {
      const definition = jsonb({ sections: layout.sections });
      await db
        .insertInto('layouts')
        .values({ kind: layout.kind, definition, updatedBy: by, updatedAt: at })
        .onConflict((oc) => oc.column('kind').doUpdateSet({ definition, updatedBy: by, updatedAt: at }))
        .execute();
    },

    async remove(kind) {
      await db.deleteFrom('layouts').where('kind', '=', kind).execute();
    },
  };
}
