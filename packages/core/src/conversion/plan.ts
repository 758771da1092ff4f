import { z } from 'zod';
import { fieldError, type FieldError } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import type { CustomFieldValue, Lead } from '../lead/lead.js';
import type { Picklists } from '../picklists/picklist.js';
import { prepareRecord, recordFields, type RecordField } from '../records/fields.js';
import type { ContactWritable, OpportunityWritable, OrganizationWritable, RecordKind } from '../records/records.js';
import { err, ok, type Result } from '../result.js';
import type { ConversionMapping, SourceFieldResolver, TargetInfo } from './mapping.js';

const str = (max = 2_000) => z.string().max(max).nullish();

/** `leads.convert`'s input. At least one record must be asked for; an opportunity needs `opportunity`. */
export const convertInputSchema = z.strictObject({
  id: z.string().min(1).max(100),
  /** When given, the lead must still be at this version (else `CONFLICT`). */
  version: z.number().int().min(1).optional(),
  createOrganization: z.boolean().default(false),
  createContact: z.boolean().default(false),
  createOpportunity: z.boolean().default(false),
  opportunity: z
    .strictObject({
      name: str(),
      amount: z.union([z.number(), z.string().max(64)]).nullish(),
      currency: str(10),
      expectedCloseDate: z.union([z.date(), z.string().max(64)]).nullish(),
      stage: str(100),
    })
    .optional(),
  /** The new records' owner; default the lead's owner (or the converting user when it has none). */
  assignTo: z.string().max(100).nullish(),
});
export type ConvertInput = z.output<typeof convertInputSchema>;

/** The records a conversion will write (or link, when an existing one matches), all validated. */
export interface ConversionPlan {
  organization: OrganizationWritable | null;
  contact: ContactWritable | null;
  opportunity: OpportunityWritable | null;
  /** Each plugin target's fields with the mapped lead values. */
  pluginValues: Record<string, Record<string, unknown>>;
}

export interface PlanContext {
  picklists: Picklists;
  resolve: SourceFieldResolver;
  targets: ReadonlyMap<string, TargetInfo>;
  locale?: Locale | undefined;
}

const isMoney = (v: unknown): v is { amount: number; currency: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { amount?: unknown }).amount === 'number';

/** A lead field's value by its mapping path (`company`, `custom.budget`); null when empty. */
function leadValue(lead: Lead, path: string): unknown {
  if (path.startsWith('custom.')) return lead.customFields[path.slice('custom.'.length)] ?? null;
  return Object.hasOwn(lead, path) ? ((lead as unknown as Record<string, unknown>)[path] ?? null) : null;
}

/** Where a value lands: a money value copies its currency too, unless the mapping gives one. */
function assign(values: Record<string, unknown>, to: string, value: CustomFieldValue | unknown, field: RecordField | undefined): void {
  if (isMoney(value)) {
    values[to] = value.amount;
    if (field?.kind.type === 'money') values.currency ??= value.currency;
    return;
  }
  values[to] = value instanceof Date ? value.toISOString() : value;
}

/**
 * Plan a conversion: copy the mapped lead fields, apply the caller's opportunity details on top,
 * and validate each record as if it were created directly. Errors name the record's field
 * (`opportunity.expectedCloseDate`, `organization.name`), every one at once.
 */
export function planConversion(
  lead: Lead,
  mappings: readonly ConversionMapping[],
  input: Pick<ConvertInput, 'createOrganization' | 'createContact' | 'createOpportunity' | 'opportunity'>,
  ownerId: string | null,
  ctx: PlanContext,
): Result<ConversionPlan, FieldError[]> {
  const errors: FieldError[] = [];
  if (!input.createOrganization && !input.createContact && !input.createOpportunity) {
    errors.push(fieldError('createContact', 'required', ctx.locale));
  }
  if (input.createOpportunity && !input.opportunity) errors.push(fieldError('opportunity', 'required', ctx.locale));

  const raw: Record<RecordKind, Record<string, unknown>> = { organization: {}, contact: {}, opportunity: {} };
  const pluginValues: Record<string, Record<string, unknown>> = {};
  // Explicit currency rows first: a money value's own currency fills in only when none is mapped.
  const ordered = [...mappings].sort((a, b) => Number(b.to === 'currency') - Number(a.to === 'currency'));
  for (const row of ordered) {
    const target = ctx.targets.get(row.target);
    if (!target?.fields[row.to] || !ctx.resolve(row.from)) continue;
    const value = leadValue(lead, row.from);
    if (value === null) continue;
    if (target.builtIn) {
      const kind = row.target as RecordKind;
      assign(raw[kind], row.to, value, (recordFields[kind] as Record<string, RecordField>)[row.to]);
    } else {
      (pluginValues[row.target] ??= {})[row.to] = value;
    }
  }

  const given = input.opportunity;
  if (given) {
    const explicit = { name: given.name, amount: given.amount, currency: given.currency, expectedCloseDate: given.expectedCloseDate, salesStage: given.stage };
    for (const [key, value] of Object.entries(explicit)) if (value !== undefined && value !== null) raw.opportunity[key] = value;
  }

  const prepare = <K extends RecordKind>(kind: K, wanted: boolean) => {
    if (!wanted) return null;
    const prepared = prepareRecord(kind, { ...raw[kind], ownerId }, { picklists: ctx.picklists, locale: ctx.locale, prefix: kind });
    if (!prepared.ok) {
      errors.push(...prepared.error);
      return null;
    }
    return prepared.value;
  };
  const organization = prepare('organization', input.createOrganization);
  const contact = prepare('contact', input.createContact);
  const opportunity = input.opportunity ? prepare('opportunity', input.createOpportunity) : null;
  if (errors.length > 0) return err(errors);
  return ok({ organization, contact, opportunity, pluginValues });
}
