import { sql, type RawBuilder } from 'kysely';

/**
 * A value for a jsonb column. The JSON text is bound as `text` and cast in SQL: bound directly,
 * postgres.js would encode the already-encoded string a second time (storing a JSON string, not an
 * object), while PGlite would not — this way both drivers store the same object.
 */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`cast(cast(${JSON.stringify(value)} as text) as jsonb)`;
}

/** jsonb as read back: drivers return parsed values; tolerate text for older rows. */
export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
