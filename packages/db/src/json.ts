import { sql, type RawBuilder } from 'kysely';

/**
 * A value for a jsonb column. The JSON text is bound as `text` and cast in SQL: bound directly,
 * postgres.js would encode the already-encoded string a second time (storing a JSON string, not an
 * object), while PGlite would not — this way both drivers store the same value.
 */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`cast(cast(${JSON.stringify(value)} as text) as jsonb)`;
}

/**
 * A jsonb value as read back. Both drivers parse jsonb, so a string here is a JSON string value
 * (e.g. a stored secret), never JSON text to parse again.
 */
export function readJson<T>(value: unknown): T {
  return value as T;
}
