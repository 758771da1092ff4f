import { z } from 'zod';

/**
 * The shape of lead input at the edges (API, capture, import). Only types and gross sizes are
 * checked here; normalization and the domain rules (phones, national codes, picklists) run in
 * `prepareLead`, which names every failing field.
 */
const str = (max = 20_000) => z.string().max(max).nullish();
const numberLike = z.union([z.number(), z.string().max(64)]).nullish();
const dateLike = z.union([z.date(), z.string().max(64)]).nullish();

export const leadInputSchema = z.strictObject({
  firstName: str(),
  lastName: str(),
  mobile: str(100),
  phone: str(100),
  email: str(400),
  company: str(),
  jobTitle: str(),
  website: str(2_000),
  nationalCode: str(100),
  telegramId: str(),
  whatsappId: str(),
  instagramId: str(),
  fax: str(100),
  source: str(100),
  channel: str(100),
  channelIdentifier: str(),
  stage: str(100),
  priority: str(100),
  industry: str(100),
  annualRevenue: numberLike,
  employees: numberLike,
  emailOptOut: z.boolean().nullish(),
  street: str(),
  poBox: str(),
  postalCode: str(100),
  city: str(),
  province: str(),
  country: str(),
  description: str(),
  ownerId: str(100),
  lastContactAt: dateLike,
  lastContactResult: str(100),
  customFields: z.record(z.string().max(100), z.unknown()).optional(),
});

/** Input to create a lead: every field optional, as forms, SMS and spreadsheets leave gaps. */
export type LeadInput = z.input<typeof leadInputSchema>;
/** A patch: the fields to change; `null` clears a field. */
export const leadPatchSchema = leadInputSchema;
export type LeadPatch = z.input<typeof leadPatchSchema>;
