import { formatNumber } from '@sarnakh/plugin-sdk/admin';
import { h, type VNode } from 'vue';
import { VAlert, VChip, VProgressLinear } from 'vuetify/components';
import { isRunning, type Progress } from './api.js';
import { locale, text } from './labels.js';

const statusColor: Record<Progress['status'], string> = { queued: 'default', running: 'primary', done: 'success', failed: 'error', cancelled: 'warning' };

/** A progress bar with the counts under it, for a running or finished import. */
export function progressView(p: Progress): VNode {
  const t = text();
  const n = (value: number) => formatNumber(value, locale.value);
  const percent = p.total === 0 ? 100 : Math.floor((100 * p.processed) / p.total);
  const count = (key: 'created' | 'updated' | 'skipped' | 'failed', color: string) =>
    h(VChip, { size: 'small', variant: 'tonal', color, 'data-testid': `import-${key}` }, () => `${t[key]}: ${n(p[key])}`);
  return h('div', { class: 'excel-import-progress' }, [
    h('div', { class: 'd-flex flex-wrap align-center ga-2 mb-2' }, [
      h(VChip, { color: statusColor[p.status], size: 'small', 'data-testid': 'import-status' }, () => t.status[p.status]),
      h('span', { class: 'text-body-2' }, `${n(p.processed)} / ${n(p.total)} ${t.rows}`),
    ]),
    h(VProgressLinear, {
      modelValue: percent,
      color: statusColor[p.status] === 'default' ? 'primary' : statusColor[p.status],
      height: 8,
      rounded: true,
      striped: isRunning(p),
      indeterminate: p.status === 'queued',
      'aria-label': t.status[p.status],
      class: 'mb-3',
    }),
    h('div', { class: 'd-flex flex-wrap ga-2' }, [count('created', 'success'), count('updated', 'info'), count('skipped', 'default'), count('failed', 'error')]),
    p.error ? h(VAlert, { type: 'error', variant: 'tonal', density: 'compact', class: 'mt-3', role: 'alert' }, () => p.error) : null,
  ]);
}
