import { z } from 'zod';
import type { Lead } from './lead.js';

export const leadSortFields = [
  'createdAt',
  'updatedAt',
  'lastContactAt',
  'score',
  'firstName',
  'lastName',
  'company',
] as const;
export type LeadSortField = (typeof leadSortFields)[number];

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
});

export const leadListInputSchema = z.strictObject({
  filter: leadFilterSchema.optional(),
  sort: z
    .strictObject({ field: z.enum(leadSortFields), direction: z.enum(['asc', 'desc']).default('desc') })
    .optional(),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(1_000).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

export type LeadFilter = z.output<typeof leadFilterSchema>;
export type LeadListInput = z.input<typeof leadListInputSchema>;

export interface LeadListQuery {
  filter: LeadFilter;
  sort: { field: LeadSortField; direction: 'asc' | 'desc' };
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

export function toLeadListQuery(input: z.output<typeof leadListInputSchema>): LeadListQuery {
  return {
    filter: input.filter ?? {},
    sort: input.sort ?? { field: 'createdAt', direction: 'desc' },
    cursor: input.cursor ?? null,
    limit: input.limit,
  };
}
