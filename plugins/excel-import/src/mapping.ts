import { leadFields, type LeadFieldName, type LeadInput } from '@sarnakh/core';
import { z } from 'zod';

/** A column (0-based) and the field it fills: a built-in field or `custom.<key>`. */
export interface ColumnMapping {
  column: number;
  field: string;
}

export const columnMappingSchema = z.strictObject({
  column: z.number().int().min(0).max(16_383),
  field: z.string().regex(/^(custom\.[a-zA-Z0-9_]{1,100}|[a-zA-Z]{1,40})$/),
});
export const mappingSchema = z.array(columnMappingSchema).max(500);

const TRUE = new Set(['true', '1', 'yes', 'y', 'x', 'بله', 'آری', 'بلی', 'نعم', '✓', '✔']);

/** The mapping's problems, as field errors naming `mapping.<i>.field`; empty when it is usable. */
export function mappingProblems(mapping: readonly ColumnMapping[], columns: number): { path: string; problem: 'unknown_field' | 'out_of_range' | 'duplicate' }[] {
  const out: { path: string; problem: 'unknown_field' | 'out_of_range' | 'duplicate' }[] = [];
  const seen = new Set<string>();
  mapping.forEach((m, i) => {
    if (!m.field.startsWith('custom.') && (!(m.field in leadFields) || m.field === 'ownerId')) out.push({ path: `mapping.${i}.field`, problem: 'unknown_field' });
    else if (seen.has(m.field)) out.push({ path: `mapping.${i}.field`, problem: 'duplicate' });
    if (m.column >= columns) out.push({ path: `mapping.${i}.column`, problem: 'out_of_range' });
    seen.add(m.field);
  });
  return out;
}

/** A row's cells as pipeline input, by the mapping. Empty cells are left out (defaults may fill them). */
export function rowToInput(cells: readonly string[], mapping: readonly ColumnMapping[]): LeadInput {
  const input: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  for (const { column, field } of mapping) {
    // An apostrophe before = + - @ is how our own workbooks neutralize formulas: take it off again.
    const value = (cells[column]?.trim() ?? '').replace(/^'(?=[=+\-@])/, '');
    if (value === '') continue;
    if (field.startsWith('custom.')) custom[field.slice('custom.'.length)] = value;
    else if (leadFields[field as LeadFieldName]?.kind.type === 'boolean') input[field] = TRUE.has(value.toLowerCase());
    else input[field] = value;
  }
  if (Object.keys(custom).length > 0) input.customFields = custom;
  return input as LeadInput;
}
