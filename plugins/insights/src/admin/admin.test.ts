import { describe, expect, it } from 'vitest';
import { isVNode, type VNode } from 'vue';
import admin from './index.js';
import { dashboardFilter, filterInput } from './state.js';
import { chart } from './widget.js';

describe('the admin half', () => {
  it('registers the dashboard route and every widget, each a loadable component', async () => {
    expect(admin.routes?.map((r) => r.path)).toEqual(['dashboard']);
    expect(admin.widgets?.map((w) => w.id)).toEqual([
      'insights.newLeads',
      'insights.funnel',
      'insights.conversion',
      'insights.qualified',
      'insights.speedToLead',
      'insights.owners',
    ]);
    for (const widget of admin.widgets ?? []) {
      const component = (await widget.component()) as { name?: string; setup?: unknown };
      expect(component.name, widget.id).toMatch(/^Insights/);
      expect(typeof component.setup, widget.id).toBe('function');
      expect(Object.keys(widget.title).sort()).toEqual(['ar', 'en', 'fa']);
    }
    expect(((await admin.routes![0]!.component()) as { default: { name: string } }).default.name).toBe('InsightsDashboardPage');
  });

  it('draws charts right to left in fa and ar: category axis from the right, values on the right', () => {
    const option = { xAxis: { type: 'category' as const, data: ['a', 'b'] }, yAxis: { type: 'value' as const }, series: [] };
    const props = (node: VNode) => (node.props as { option: { xAxis: { inverse: boolean }; yAxis: { position: string }; legend: { right?: number } } }).option;
    const fa = chart(option, 'fa');
    expect(isVNode(fa)).toBe(true);
    expect(props(fa)).toMatchObject({ xAxis: { inverse: true }, yAxis: { position: 'right' }, legend: { right: 0, align: 'right' } });
    expect(props(chart(option, 'en'))).toMatchObject({ xAxis: { inverse: false }, yAxis: { position: 'left' } });
  });

  it("turns the dashboard's controls into the procedures' filter", () => {
    Object.assign(dashboardFilter, { from: '2025-03-01', to: '2025-03-31', period: 'month', source: 'sms', stage: '', ownerId: '', channel: '' });
    expect(filterInput()).toEqual({ from: '2025-03-01', to: '2025-03-31', source: 'sms' });
    expect(filterInput(true)).toEqual({ from: '2025-03-01', to: '2025-03-31', source: 'sms', period: 'month' });
  });
});
