import { formatNumber } from '@sarnakh/plugin-sdk/admin';
import { h, type VNode } from 'vue';
import { VChip, VSelect, VTable } from 'vuetify/components';
import type { MappableField, Preview, Upload } from './api.js';
import { locale, text } from './labels.js';

/** How many sample values a column shows, and how many problem rows the dry run lists. */
const SAMPLES = 3;
const LISTED_ERRORS = 20;

/** A field's name in the page's language, as the server gives it (core's for built-in fields, the admin's for custom ones). */
export function fieldLabel(field: MappableField): string {
  return field.label?.[locale.value] || field.value;
}

interface MappingTableInput {
  upload: Upload;
  fields: readonly MappableField[];
  mapping: readonly string[];
  problems: Readonly<Record<number, string[]>>;
  onChange(column: number, field: string): void;
}

/** One row a column: its header, a few sample values, and the field it fills (the suggestion marked). */
export function mappingTable({ upload, fields, mapping, problems, onChange }: MappingTableInput): VNode {
  const t = text();
  const items = [{ title: t.ignore, value: '' }, ...fields.map((f) => ({ title: fieldLabel(f), value: f.value }))];
  return h(VTable, { density: 'compact', class: 'overflow-x-auto mb-4', 'data-testid': 'import-mapping' }, () => [
    h('thead', h('tr', [t.column, t.samples, t.field].map((label) => h('th', { scope: 'col' }, label)))),
    h(
      'tbody',
      upload.headers.map((header, column) => {
        const suggested = upload.suggestedMapping.find((m) => m.column === column)?.field;
        const chosen = mapping[column] ?? '';
        const samples = upload.sampleRows.slice(0, SAMPLES).map((r) => r[column] ?? '').filter((v) => v.trim() !== '');
        return h('tr', { key: column, 'data-testid': `import-column-${column}` }, [
          h('th', { scope: 'row', class: 'font-weight-medium' }, h('bdi', header || '—')),
          h(
            'td',
            { class: 'text-caption text-medium-emphasis', style: 'min-width: 140px' },
            samples.length === 0 ? t.noSamples : samples.map((v, i) => h('div', { key: i }, h('bdi', v))),
          ),
          h('td', { style: 'min-width: 220px' }, [
            h(VSelect, {
              modelValue: chosen,
              'onUpdate:modelValue': (v: string | null) => onChange(column, v ?? ''),
              items,
              label: `${t.field}: ${header || column + 1}`,
              density: 'compact',
              hideDetails: 'auto',
              errorMessages: problems[column] ?? [],
              class: 'my-1',
            }),
            suggested && suggested === chosen ? h(VChip, { size: 'x-small', color: 'primary', variant: 'tonal', class: 'mb-1', 'data-testid': 'import-suggested' }, () => t.suggested) : null,
          ]),
        ]);
      }),
    ),
  ]);
}

/** The dry run's answer: new rows, duplicates (in the file, of existing leads), invalid rows and why. */
export function previewSummary(p: Preview): VNode {
  const t = text();
  const n = (value: number) => formatNumber(value, locale.value);
  const chip = (label: string, value: number, color: string, id: string) =>
    h(VChip, { variant: 'tonal', color, 'data-testid': `preview-${id}` }, () => `${label}: ${n(value)}`);
  return h('div', { class: 'excel-import-preview mt-4', role: 'status' }, [
    h('div', { class: 'd-flex flex-wrap ga-2 mb-3' }, [
      chip(t.total, p.total, 'default', 'total'),
      chip(t.new, p.new, 'success', 'new'),
      chip(t.inFile, p.duplicates.inFile, 'warning', 'in-file'),
      chip(t.inDatabase, p.duplicates.inDatabase, 'warning', 'in-database'),
      chip(t.invalid, p.invalid, p.invalid > 0 ? 'error' : 'default', 'invalid'),
    ]),
    p.errors.length === 0
      ? h('p', { class: 'text-body-2' }, t.noErrors)
      : h(VTable, { density: 'compact', class: 'overflow-x-auto' }, () => [
          h('thead', h('tr', [h('th', { scope: 'col' }, t.row), h('th', { scope: 'col' }, t.field)])),
          h('tbody', [
            ...p.errors.slice(0, LISTED_ERRORS).map((e) =>
              h('tr', { key: e.row }, [h('td', n(e.row)), h('td', e.errors.map((f) => h('div', [h('bdi', { dir: 'ltr', class: 'text-medium-emphasis' }, f.field), ': ', f.message])))]),
            ),
            p.errors.length > LISTED_ERRORS ? h('tr', h('td', { colspan: 2, class: 'text-medium-emphasis' }, `… ${t.moreErrors}`)) : null,
          ]),
        ]),
  ]);
}
