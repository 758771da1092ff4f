import { fieldError, type FieldError } from '../errors.js';
import { leadFieldNames, type LeadFieldName } from '../lead/fields.js';
import type { Lead, LeadWritable } from '../lead/lead.js';
import { changedFields, prepareLeadPatch, type PrepareContext } from '../lead/prepare.js';
import type { LeadPatch } from '../lead/schema.js';
import { err, ok, type Result } from '../result.js';

/** For one field: keep the value of this lead (the survivor or a merged one), or set this value. */
export type MergeChoice = { leadId: string } | { value: unknown };

/** Per field (`firstName`, `custom.budget`) what the survivor ends up with; unnamed fields keep the survivor's. */
export type MergeValues = Record<string, MergeChoice>;

const CUSTOM = 'custom.';
const isBuiltIn = (path: string): path is LeadFieldName => (leadFieldNames as string[]).includes(path);

/** A validation error of an explicit value, named where the caller wrote it (`values.mobile`). */
function asValuesField(error: FieldError): FieldError {
  const field = error.field.startsWith('customFields.') ? `values.${CUSTOM}${error.field.slice('customFields.'.length)}` : `values.${error.field}`;
  return { ...error, field };
}

/**
 * The survivor's changes for a merge: each named field from the lead picked for it (its stored
 * value, already valid) or the explicit value (normalized and validated like an edit). Returns
 * only fields whose value changes. `leads` are the survivor and the merged leads.
 */
export function planMerge(
  survivor: Lead,
  leads: readonly Lead[],
  values: MergeValues,
  ctx: PrepareContext,
): Result<Partial<LeadWritable>, FieldError[]> {
  const byId = new Map(leads.map((l) => [l.id, l]));
  const errors: FieldError[] = [];
  const explicit: Record<string, unknown> = {};
  const explicitCustom: Record<string, unknown> = {};
  const picked: [path: string, from: Lead][] = [];
  for (const [path, choice] of Object.entries(values)) {
    const customKey = path.startsWith(CUSTOM) ? path.slice(CUSTOM.length) : null;
    if (customKey === '' || (customKey === null && !isBuiltIn(path))) {
      errors.push(fieldError(`values.${path}`, 'unknown_field', ctx.locale));
      continue;
    }
    if ('leadId' in choice) {
      const from = byId.get(choice.leadId);
      if (from) picked.push([path, from]);
      else errors.push(fieldError(`values.${path}.leadId`, 'invalid_value', ctx.locale));
    } else if (customKey !== null) explicitCustom[customKey] = choice.value;
    else explicit[path] = choice.value;
  }
  if (errors.length > 0) return err(errors);

  const patch = { ...explicit, ...(Object.keys(explicitCustom).length > 0 ? { customFields: explicitCustom } : {}) } as LeadPatch;
  const prepared = prepareLeadPatch(survivor, patch, ctx);
  if (!prepared.ok) return err(prepared.error.map(asValuesField));

  const next: Record<string, unknown> = { ...prepared.value };
  const custom = { ...((prepared.value.customFields ?? survivor.customFields) as Record<string, unknown>) };
  let customTouched = prepared.value.customFields !== undefined;
  for (const [path, from] of picked) {
    if (path.startsWith(CUSTOM)) {
      const key = path.slice(CUSTOM.length);
      const value = from.customFields[key];
      if (value === undefined) delete custom[key];
      else custom[key] = value;
      customTouched = true;
    } else {
      next[path] = from[path as keyof LeadWritable];
    }
  }
  if (customTouched) next.customFields = custom;
  return ok(changedFields(survivor, next as Partial<LeadWritable>));
}
