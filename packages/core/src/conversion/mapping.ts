import { z } from 'zod';
import { fieldError, type FieldError } from '../errors.js';
import type { ConversionTarget, FieldStorage } from '../extensions/points.js';
import type { Locale, LocalizedText } from '../i18n/locales.js';
import { acceptedStorages, recordFields, type RecordField } from '../records/fields.js';
import { recordKinds, type RecordKind } from '../records/records.js';

/** One mapping row: the lead field `from` (`company`, `custom.budget`) is copied to `target.to`. */
export interface ConversionMapping {
  from: string;
  /** `organization`, `contact`, `opportunity`, or a plugin target's id. */
  target: string;
  to: string;
}

/** What ships: names, mobile and email to the contact; company and its details to the organization. */
export const defaultConversionMappings: readonly ConversionMapping[] = [
  { from: 'company', target: 'organization', to: 'name' },
  { from: 'phone', target: 'organization', to: 'phone' },
  { from: 'website', target: 'organization', to: 'website' },
  { from: 'industry', target: 'organization', to: 'industry' },
  { from: 'city', target: 'organization', to: 'city' },
  { from: 'firstName', target: 'contact', to: 'firstName' },
  { from: 'lastName', target: 'contact', to: 'lastName' },
  { from: 'mobile', target: 'contact', to: 'mobile' },
  { from: 'email', target: 'contact', to: 'email' },
  { from: 'jobTitle', target: 'contact', to: 'jobTitle' },
];

const name = z.string().trim().min(1).max(100);
export const conversionMappingSchema = z.strictObject({ from: name, target: name, to: name });
export const updateMappingInputSchema = z.strictObject({ mappings: z.array(conversionMappingSchema).min(1).max(200) });
export const removeMappingInputSchema = z.strictObject({ mappings: z.array(z.strictObject({ target: name, to: name })).min(1).max(200) });

export interface TargetFieldInfo {
  label: LocalizedText;
  accepts: readonly FieldStorage[];
}

export interface TargetInfo {
  id: string;
  label: LocalizedText;
  /** One of core's records (else a plugin's target). */
  builtIn: boolean;
  fields: Readonly<Record<string, TargetFieldInfo>>;
}

const recordLabels: Record<RecordKind, LocalizedText> = {
  organization: { en: 'Organization', fa: 'سازمان', ar: 'المؤسسة' },
  contact: { en: 'Contact', fa: 'مخاطب', ar: 'جهة الاتصال' },
  opportunity: { en: 'Opportunity', fa: 'فرصت فروش', ar: 'فرصة بيع' },
};

const PLUGIN_FIELD_DEFAULT: readonly FieldStorage[] = ['text', 'number'];

/** Every target a mapping may name: core's three records, then the enabled plugins' targets. */
export function conversionTargetCatalog(pluginTargets: readonly ConversionTarget[]): Map<string, TargetInfo> {
  const out = new Map<string, TargetInfo>();
  for (const kind of recordKinds) {
    const fields: Record<string, TargetFieldInfo> = {};
    for (const [field, spec] of Object.entries(recordFields[kind] as Record<string, RecordField>)) {
      if (!spec.system) fields[field] = { label: spec.label, accepts: acceptedStorages(spec.kind) };
    }
    out.set(kind, { id: kind, label: recordLabels[kind], builtIn: true, fields });
  }
  for (const target of pluginTargets) {
    // Core's records keep their meaning: a plugin cannot redefine `contact`.
    if (out.has(target.id)) continue;
    const fields: Record<string, TargetFieldInfo> = {};
    for (const field of Object.keys(target.mapping)) fields[field] = { label: { en: field, fa: field, ar: field }, accepts: PLUGIN_FIELD_DEFAULT };
    for (const [field, spec] of Object.entries(target.fields ?? {})) fields[field] = spec;
    out.set(target.id, { id: target.id, label: target.label, builtIn: false, fields });
  }
  return out;
}

/** What a lead field path names, as far as mappings care: its stored kind. */
export type SourceFieldResolver = (path: string) => { storage: FieldStorage } | null;

/**
 * The mapping in force: the stored rows, plus each plugin target's default `mapping` for the
 * target fields no stored row covers. Rows naming a target that is gone (plugin disabled) drop out.
 */
export function effectiveMappings(
  stored: readonly ConversionMapping[],
  targets: ReadonlyMap<string, TargetInfo>,
  pluginTargets: readonly ConversionTarget[],
): ConversionMapping[] {
  const out = stored.filter((row) => targets.get(row.target)?.fields[row.to] !== undefined);
  const covered = new Set(out.map((row) => `${row.target}\u0000${row.to}`));
  for (const target of pluginTargets) {
    for (const [to, from] of Object.entries(target.mapping)) {
      if (!covered.has(`${target.id}\u0000${to}`)) out.push({ from, target: target.id, to });
    }
  }
  return out;
}

/**
 * Check mapping rows: the lead field exists, the target and its field exist, the field accepts the
 * lead field's kind of value, and no target field is given twice. Errors name the row's part
 * (`mappings.0.from`).
 */
export function checkMappings(
  rows: readonly ConversionMapping[],
  targets: ReadonlyMap<string, TargetInfo>,
  resolve: SourceFieldResolver,
  locale?: Locale,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const at = (part: string) => `mappings.${i}.${part}`;
    const source = resolve(row.from);
    if (!source) errors.push(fieldError(at('from'), 'unknown_field', locale));
    const target = targets.get(row.target);
    if (!target) {
      errors.push(fieldError(at('target'), 'unknown_value', locale));
      return;
    }
    const field = target.fields[row.to];
    if (!field) {
      errors.push(fieldError(at('to'), 'unknown_field', locale));
      return;
    }
    const key = `${row.target}\u0000${row.to}`;
    if (seen.has(key)) errors.push(fieldError(at('to'), 'invalid_value', locale));
    seen.add(key);
    if (source && !field.accepts.includes(source.storage)) errors.push(fieldError(at('from'), 'invalid_type', locale));
  });
  return errors;
}
