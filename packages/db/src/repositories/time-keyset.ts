import { sql, type RawBuilder } from 'kysely';
import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor.js';

/** How Postgres prints a timestamptz; a cursor value that is not one was tampered with. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

/**
 * Keyset pages over `(timestamp column, id)`, for timelines, tasks and notifications. The cursor
 * names its list (`activities`, `tasks.today`…) and direction, so it cannot be replayed on another.
 */
export function timeKeyset(list: string, direction: 'asc' | 'desc', column: string) {
  const sort = { field: list, direction };
  return {
    /** The condition rows after the cursor meet, or null for the first page. */
    after(cursor: string | null | undefined): RawBuilder<boolean> | null {
      if (!cursor) return null;
      const position = decodeCursor(cursor, sort);
      if (!TIMESTAMP.test(position.value)) throw new InvalidCursorError('not a cursor');
      const op = sql.raw(direction === 'desc' ? '<' : '>');
      return sql<boolean>`(${sql.ref(column)}, ${sql.ref(column.replace(/\.[^.]+$/, '.id'))}) ${op} (cast(cast(${position.value} as text) as timestamptz), cast(cast(${position.id} as text) as uuid))`;
    },
    /** The column as Postgres prints it (microseconds kept), to select as the row's sort key. */
    key: sql<string>`(${sql.ref(column)})::text`,
    /** The page and the cursor of the next one, from `limit + 1` rows. */
    page<R extends { id: string; sortKey: string }>(rows: R[], limit: number): { rows: Omit<R, 'sortKey'>[]; nextCursor: string | null } {
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      const nextCursor = rows.length > limit && last ? encodeCursor(sort, { value: last.sortKey, id: last.id }) : null;
      return { rows: page.map(({ sortKey: _sortKey, ...row }) => row), nextCursor };
    },
  };
}
