import { z } from 'zod';
import { fieldError, type FieldError } from '../errors.js';
import { createFieldCatalog, type FieldCatalog, type ResolvedField } from '../fields/catalog.js';
import { CUSTOM_PREFIX } from '../fields/definition.js';
import { resolveWhere, whereOps, type ResolvedCondition } from '../fields/where.js';
import type { Locale } from '../i18n/locales.js';
import { err, ok, type Result } from '../result.js';
import type { Lead } from './lead.js';

export const leadSortFields = [
  'createdAt',
  'updatedAt',
  'lastContactAt',
  'nextTaskAt',
  'score',
  'firstName',
  'lastName',
  'company',
] as const;
export type LeadSortField = (typeof leadSortFields)[number];
/** A built-in sort, or a custom field's (`custom.budget`; not a multi-select). */
export type LeadSortPath = LeadSortField | `custom.${string}`;

const oneOrMany = z.union([z.string().max(100), z.array(z.string().max(100)).max(50)]);
const dateLike = z.coerce.date();

export const leadFilterSchema = z.strictObject({
  /** Name, company, email or phone, in any script; at least 3 characters for a substring match. */
  search: z.string().max(200).optional(),
  stage: oneOrMany.optional(),
  priority: oneOrMany.optional(),
  source: oneOrMany.optional(),
  channel: oneOrMany.optional(),
  /** A user id, or null for unassigned leads. */
  ownerId: z.string().max(100).nullable().optional(),
  createdFrom: dateLike.optional(),
  createdTo: dateLike.optional(),
  lastContactFrom: dateLike.optional(),
  lastContactTo: dateLike.optional(),
  /** false (default): active leads only; true: archived only. */
  archived: z.boolean().optional(),
  /** false (default): leads not yet converted; true: converted ones only. */
  converted: z.boolean().optional(),
});

export const whereConditionSchema = z.strictObject({
  /** A built-in field (`city`, `score`, `createdAt`) or `custom.<key>`. */
  field: z.string().min(1).max(120),
  op: z.enum(whereOps),
  value: z.union([z.string().max(500), z.number(), z.boolean(), z.array(z.union([z.string().max(500), z.number()])).max(100)]).optional(),
});

export const leadListInputSchema = z.strictObject({
  filter: leadFilterSchema.optional(),
  /** All must hold; checked against the fields in force (errors name `where.0.field`…). */
  where: z.array(whereConditionSchema).max(20).optional(),
  sort: z
    .strictObject({ field: z.string().min(1).max(120), direction: z.enum(['asc', 'desc']).default('desc') })
    .optional(),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(1_000).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

export type LeadFilter = z.output<typeof leadFilterSchema>;
export type LeadListInput = z.input<typeof leadListInputSchema>;

export interface LeadListQuery {
  filter: LeadFilter;
  /** Resolved against the field catalog, values normalized (see `resolveLeadListQuery`). */
  where: readonly ResolvedCondition[];
  /** `custom` is the resolved custom field when `field` names one. */
  sort: { field: LeadSortPath; direction: 'asc' | 'desc'; custom?: ResolvedField };
  cursor: string | null;
  limit: number;
}

export interface LeadPage {
  items: Lead[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Search needs this many characters for a substring (trigram) match; fewer match by prefix. */
export const MIN_SEARCH_LENGTH = 3;

export type LeadListRequest = z.output<typeof leadListInputSchema>;

/**
 * A list request checked against the fields in force: `where` conditions resolved and their
 * values normalized, the sort a built-in sort or a sortable custom field. Errors name the place
 * (`where.0.field`, `sort.field`).
 */
export function resolveLeadListQuery(input: LeadListRequest, catalog: FieldCatalog, locale?: Locale): Result<LeadListQuery, FieldError[]> {
  const where = resolveWhere(input.where ?? [], catalog, locale);
  const errors: FieldError[] = where.ok ? [] : [...where.error];
  const requested = input.sort ?? { field: 'createdAt', direction: 'desc' as const };
  let sort: LeadListQuery['sort'] | null = null;
  if ((leadSortFields as readonly string[]).includes(requested.field)) {
    sort = { field: requested.field as LeadSortField, direction: requested.direction };
  } else if (requested.field.startsWith(CUSTOM_PREFIX)) {
    const custom = catalog.resolve(requested.field);
    if (!custom) errors.push(fieldError('sort.field', 'unknown_field', locale));
    else if (custom.storage === 'list') errors.push(fieldError('sort.field', 'invalid_value', locale));
    else sort = { field: requested.field as `custom.${string}`, direction: requested.direction, custom };
  } else {
    errors.push(fieldError('sort.field', 'unknown_field', locale));
  }
  if (errors.length > 0 || !where.ok || !sort) return err(errors);
  return ok({ filter: input.filter ?? {}, where: where.value, sort, cursor: input.cursor ?? null, limit: input.limit });
}

/** A list request over built-in fields only (no custom fields known); throws on a bad one. */
export function toLeadListQuery(input: LeadListRequest): LeadListQuery {
  const resolved = resolveLeadListQuery(input, createFieldCatalog([]));
  if (!resolved.ok) throw new Error(`invalid list query: ${resolved.error.map((e) => e.field).join(', ')}`);
  return resolved.value;
}
