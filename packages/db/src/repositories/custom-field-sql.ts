import { CUSTOM_FIELD_KEY, fieldStorageSql, type FieldStorage } from '@sarnakh/core';

/**
 * The SQL text that reads a custom field's stored value, shared by filters, sorts and expression
 * indexes: Postgres uses an expression index only for the very same expression, so all three
 * come from here. Keys are inlined (a parameter would not match the index) and so are checked
 * against the key pattern first.
 */
function assertKey(key: string): void {
  if (!CUSTOM_FIELD_KEY.test(key)) throw new Error(`invalid custom field key: ${key}`);
}

/** The value as its SQL type (null when missing or empty), or null for `list` storage. */
export function customValueSql(key: string, storage: FieldStorage): string | null {
  assertKey(key);
  const spec = fieldStorageSql[storage];
  if (!spec) return null;
  const read =
    spec.jsonPath.length === 0
      ? `(custom_fields ->> '${key}')`
      : `(custom_fields -> '${key}' ->> '${spec.jsonPath.join("' ->> '")}')`;
  return spec.cast === 'text' ? read : `(${read})::${spec.cast}`;
}

/** What a missing value sorts as: before every value, so keyset comparisons stay total. */
const SENTINEL: Record<'text' | 'numeric' | 'boolean', string> = {
  text: "''",
  numeric: "'-Infinity'::numeric",
  boolean: 'false',
};

/** The value with missing ones replaced by the sentinel: the sort key and the index expression. */
export function customSortSql(key: string, storage: FieldStorage): { expr: string; type: 'text' | 'numeric' | 'boolean' } | null {
  const value = customValueSql(key, storage);
  const spec = fieldStorageSql[storage];
  if (!value || !spec) return null;
  return { expr: `coalesce(${value}, ${SENTINEL[spec.cast]})`, type: spec.cast };
}

/** The name of a custom field's expression index (keys are at most 63 characters; names too). */
export const customIndexName = (key: string): string => `leads_cf_${key}`.slice(0, 63);
