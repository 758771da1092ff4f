import { z } from 'zod';

/**
 * Record input at the edges: types and gross sizes only. Normalization and the domain rules run in
 * `prepareRecord`, which names every failing field.
 */
const str = (max = 2_000) => z.string().max(max).nullish();
const numberLike = z.union([z.number(), z.string().max(64)]).nullish();
const dayLike = z.union([z.date(), z.string().max(64)]).nullish();

export const organizationInputSchema = z.strictObject({
  name: str(),
  phone: str(100),
  website: str(),
  industry: str(100),
  city: str(),
  ownerId: str(100),
});

export const contactInputSchema = z.strictObject({
  firstName: str(),
  lastName: str(),
  mobile: str(100),
  email: str(400),
  jobTitle: str(),
  organizationId: str(100),
  ownerId: str(100),
});

export const opportunityInputSchema = z.strictObject({
  name: str(),
  amount: numberLike,
  currency: str(10),
  expectedCloseDate: dayLike,
  salesStage: str(100),
  organizationId: str(100),
  contactId: str(100),
  ownerId: str(100),
});

export type OrganizationInput = z.input<typeof organizationInputSchema>;
export type ContactInput = z.input<typeof contactInputSchema>;
export type OpportunityInput = z.input<typeof opportunityInputSchema>;

/** A record list: newest first, keyset pages. Agents only ever get the records they own. */
export const recordListInputSchema = z.strictObject({
  filter: z
    .strictObject({
      /** Matches names (and a contact's mobile and email) in any script and digits. */
      search: z.string().max(200).optional(),
      /** A user id, or null for records without an owner. */
      ownerId: z.string().max(100).nullable().optional(),
      /** Records converted from this lead. */
      leadId: z.string().max(100).optional(),
      /** Contacts and opportunities of this organization (on organizations: that organization). */
      organizationId: z.string().max(100).optional(),
      /** Opportunities of this contact (on contacts: that contact; organizations have none). */
      contactId: z.string().max(100).optional(),
    })
    .optional(),
  cursor: z.string().max(1_000).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

export type RecordListInput = z.input<typeof recordListInputSchema>;

export interface RecordListQuery {
  search?: string | undefined;
  ownerId?: string | null | undefined;
  leadId?: string | undefined;
  organizationId?: string | undefined;
  contactId?: string | undefined;
  cursor: string | null;
  limit: number;
}

export interface RecordPage<T> {
  items: T[];
  nextCursor: string | null;
}

export function toRecordListQuery(input: z.output<typeof recordListInputSchema>): RecordListQuery {
  return { ...input.filter, cursor: input.cursor ?? null, limit: input.limit };
}
