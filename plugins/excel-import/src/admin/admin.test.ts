import { leadFields } from '@sarnakh/core';
import { describe, expect, it } from 'vitest';
import { mappableFields } from '../suggest.js';
import admin from './index.js';
import { builtInFieldLabels } from './field-labels.js';

describe('the admin half', () => {
  it('names every built-in field as core does, in fa, ar and en', () => {
    expect(builtInFieldLabels).toEqual(Object.fromEntries(Object.entries(leadFields).map(([key, field]) => [key, field.label])));
    for (const field of mappableFields) expect(builtInFieldLabels[field], field).toBeDefined();
  });

  it('registers the wizard and the history for managers and admins, each a loadable component', async () => {
    expect(admin.routes?.map((r) => [r.path, r.roles])).toEqual([
      ['import', ['manager', 'admin']],
      ['history', ['manager', 'admin']],
    ]);
    for (const route of admin.routes ?? []) {
      const component = ((await route.component()) as { default: { name?: string; setup?: unknown } }).default;
      expect(component.name, route.path).toMatch(/^ExcelImport/);
      expect(typeof component.setup, route.path).toBe('function');
    }
  });
});
