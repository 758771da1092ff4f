import type { LeadListQuery, LeadSortField, ResolvedCondition, ResolvedField } from '@sarnakh/core';
import { sql, type RawBuilder } from 'kysely';
import { customSortSql, customValueSql } from './custom-field-sql.js';

/**
 * `where` conditions and custom sorts as SQL. Built-in fields read their column; custom fields
 * the expressions in `custom-field-sql.ts`, comparing through the coalesced sort expression so an
 * indexed field's expression index serves filters as well as sorts.
 */

type SqlType = 'text' | 'numeric' | 'boolean' | 'timestamptz' | 'integer';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

interface Operand {
  /** The value, null when empty. */
  raw: string;
  /** What comparisons use: for custom fields the indexed (coalesced) expression. */
  compared: string;
  type: SqlType;
}

function operand(field: ResolvedField): Operand | null {
  if (field.kind === 'builtin') {
    const column = `leads.${snake(field.name)}`;
    const type: SqlType =
      field.storage === 'number' ? 'numeric' : field.storage === 'boolean' ? 'boolean' : field.storage === 'timestamp' ? 'timestamptz' : 'text';
    return { raw: column, compared: column, type };
  }
  const raw = customValueSql(field.name, field.storage);
  const sort = customSortSql(field.name, field.storage);
  return raw && sort ? { raw, compared: sort.expr, type: sort.type } : null;
}

/** A parameter bound as text and cast in SQL, as every driver then sends the same thing. */
const param = (value: string | number | boolean, type: SqlType) => sql`cast(cast(${String(value)} as text) as ${sql.raw(type)})`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A multi-select's stored list, or null when it has none. */
const listSql = (key: string) => sql.raw(`(custom_fields -> '${key}')`);

function isEmptySql(field: ResolvedField, o: Operand | null): RawBuilder<boolean> {
  if (field.storage === 'list') {
    const list = listSql(field.name);
    return sql<boolean>`coalesce(jsonb_array_length(case when jsonb_typeof(${list}) = 'array' then ${list} end), 0) = 0`;
  }
  const raw = sql.raw(o!.raw);
  return o!.type === 'text' ? sql<boolean>`nullif(${raw}, '') is null` : sql<boolean>`${raw} is null`;
}

export function whereSql(condition: ResolvedCondition): RawBuilder<boolean> {
  const { field } = condition;
  const o = operand(field);
  if (condition.op === 'isEmpty') {
    const empty = isEmptySql(field, o);
    return condition.value ? empty : sql<boolean>`not (${empty})`;
  }
  if (condition.op === 'contains' && field.storage === 'list') {
    return sql<boolean>`${listSql(field.name)} @> jsonb_build_array(cast(cast(${condition.value} as text) as text))`;
  }
  if (!o) throw new Error(`no SQL for ${field.path} ${condition.op}`);
  const raw = sql.raw(o.raw);
  const compared = sql.raw(o.compared);
  // Missing values compare as the sort sentinel: exclude them, so they never match a value.
  const present = sql<boolean>`${raw} is not null`;
  switch (condition.op) {
    case 'contains':
      return sql<boolean>`${raw} ilike ${`%${escapeLike(condition.value)}%`}`;
    case 'eq':
      return sql<boolean>`(${compared} = ${param(condition.value, o.type)} and ${present})`;
    case 'neq':
      // "Not X" includes leads with no value.
      return sql<boolean>`(${raw} is null or ${compared} <> ${param(condition.value, o.type)})`;
    case 'gte':
      return sql<boolean>`(${compared} >= ${param(condition.value, o.type)} and ${present})`;
    case 'lte':
      return sql<boolean>`(${compared} <= ${param(condition.value, o.type)} and ${present})`;
    case 'in':
      return sql<boolean>`(${compared} in (${sql.join(condition.value.map((v) => param(v, o.type)))}) and ${present})`;
  }
}

/**
 * Each built-in sort is an expression with no NULLs (so keyset comparisons are total) and its SQL
 * type (to read the cursor's text value back). Each has a matching `(expression, id)` index.
 */
const builtinSorts: Record<LeadSortField, { expr: string; type: SqlType }> = {
  createdAt: { expr: 'created_at', type: 'timestamptz' },
  updatedAt: { expr: 'updated_at', type: 'timestamptz' },
  score: { expr: 'score', type: 'integer' },
  lastContactAt: { expr: "coalesce(last_contact_at, '-infinity'::timestamptz)", type: 'timestamptz' },
  // Leads without an open task sort last, earliest due first (index from migration 0006).
  nextTaskAt: { expr: "coalesce(next_task_at, 'infinity'::timestamptz)", type: 'timestamptz' },
  firstName: { expr: "coalesce(first_name, '')", type: 'text' },
  lastName: { expr: "coalesce(last_name, '')", type: 'text' },
  company: { expr: "coalesce(company, '')", type: 'text' },
};

/** The sort's expression and SQL type: a built-in one, or a custom field's (its index's expression). */
export function sortSql(sort: LeadListQuery['sort']): { expr: string; type: SqlType } {
  if (sort.custom) {
    const custom = customSortSql(sort.custom.name, sort.custom.storage);
    if (!custom) throw new Error(`${sort.field} cannot be sorted`);
    return custom;
  }
  return builtinSorts[sort.field as LeadSortField];
}

/** What Postgres prints for each sort type; a cursor value that is not one was tampered with. */
export const sortValuePatterns: Record<SqlType, RegExp> = {
  timestamptz: /^(-?infinity|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2})$/,
  integer: /^-?\d{1,10}$/,
  numeric: /^(-?Infinity|-?\d{1,40}(\.\d{1,40})?)$/,
  boolean: /^(true|false)$/,
  text: /^[\s\S]{0,1000}$/,
};
