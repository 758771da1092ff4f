import { describe, expect, it } from 'vitest';
import admin from './index.js';
import { fieldLabel } from './mapping-view.js';

describe('the admin half', () => {
  it('names a field as the server does, falling back to its path', () => {
    expect(fieldLabel({ value: 'mobile', label: { en: 'Mobile', fa: 'موبایل', ar: 'الجوال' } })).toBe('Mobile');
    expect(fieldLabel({ value: 'custom.tier', label: null })).toBe('custom.tier');
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
