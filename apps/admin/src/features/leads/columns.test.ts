import { describe, expect, it } from 'vitest';
import type { FieldDefinitionView } from '../fields/values.js';
import { availableColumns, chooseColumns, columnsFromLayout, defaultColumns } from './columns.js';

const definition = (key: string, type: string, indexed: boolean) =>
  ({ key, type, indexed, label: { fa: key, ar: key, en: key }, options: [], validation: {}, required: false, default: null, archivedAt: null, position: 0 }) as unknown as FieldDefinitionView;

const known = availableColumns([definition('budget', 'currency', true), definition('tags', 'multi-select', true), definition('note', 'text', false)]);

describe('the leads list columns', () => {
  it('offers custom fields, sortable only when indexed and not a multi select', () => {
    const sortOf = (key: string) => known.find((c) => c.key === key)?.sortField;
    expect(sortOf('custom.budget')).toBe('custom.budget');
    expect(sortOf('custom.tags')).toBeNull();
    expect(sortOf('custom.note')).toBeNull();
    expect(sortOf('name')).toBe('lastName');
    // Names show in the one name column, never twice.
    expect(known.some((c) => c.key === 'firstName')).toBe(false);
  });

  it('reads the list layout with first and last name as the name column', () => {
    expect(columnsFromLayout(['firstName', 'lastName', 'company', 'custom.budget'])).toEqual(['name', 'company', 'custom.budget']);
  });

  it('lets the user\'s own choice win, then the admin\'s layout, then the default; unknown keys drop out', () => {
    expect(chooseColumns(known, ['custom.budget', 'custom.gone'], ['company'])).toEqual(['custom.budget']);
    expect(chooseColumns(known, null, ['firstName', 'custom.note'])).toEqual(['name', 'custom.note']);
    expect(chooseColumns(known, ['custom.gone'], null)).toEqual([...defaultColumns]);
  });
});
