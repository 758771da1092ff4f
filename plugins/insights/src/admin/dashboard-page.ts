import { defineComponent, h } from 'vue';
import { pageLocale } from './client.js';
import { dashboardFilter, say, type Period, type Word } from './state.js';
import { widgetTitles } from './titles.js';
import { ConversionWidget, FunnelWidget, NewLeadsWidget, OwnersWidget, QualifiedWidget, SpeedToLeadWidget } from './widgets.js';

const periodChoices: Period[] = ['day', 'week', 'month', 'quarter'];
const textFields = ['ownerId', 'source', 'channel', 'stage'] as const;
const fieldWord: Record<(typeof textFields)[number], Word> = { ownerId: 'owner', source: 'source', channel: 'channel', stage: 'stage' };

const valueOf = (event: Event) => (event.target as unknown as { value: string }).value;

/**
 * The insights dashboard: the range, period and filters on top, every widget below, each reloading
 * when a control changes. Dates are Gregorian `YYYY-MM-DD` inputs; the charts label periods in the
 * organization's calendar (Jalali in fa).
 */
export default defineComponent({
  name: 'InsightsDashboardPage',
  setup() {
    const locale = pageLocale();
    const control = (label: string, input: ReturnType<typeof h>) => h('label', { class: 'insights-control' }, [h('span', label), input]);
    return () =>
      h('section', { class: 'insights-dashboard', dir: locale === 'en' ? 'ltr' : 'rtl' }, [
        h('form', { class: 'insights-filters', onSubmit: (e: Event) => e.preventDefault() }, [
          control(say(locale, 'from'), h('input', { type: 'date', value: dashboardFilter.from, onChange: (e: Event) => (dashboardFilter.from = valueOf(e)) })),
          control(say(locale, 'to'), h('input', { type: 'date', value: dashboardFilter.to, onChange: (e: Event) => (dashboardFilter.to = valueOf(e)) })),
          control(
            say(locale, 'period'),
            h(
              'select',
              { value: dashboardFilter.period, onChange: (e: Event) => (dashboardFilter.period = valueOf(e) as Period) },
              periodChoices.map((p) => h('option', { value: p, selected: p === dashboardFilter.period }, say(locale, p))),
            ),
          ),
          ...textFields.map((field) =>
            control(
              say(locale, fieldWord[field]),
              h('input', { value: dashboardFilter[field], placeholder: say(locale, 'all'), dir: 'ltr', onChange: (e: Event) => (dashboardFilter[field] = valueOf(e).trim()) }),
            ),
          ),
        ]),
        h(
          'div',
          { class: 'insights-grid' },
          (
            [
              ['newLeads', NewLeadsWidget],
              ['funnel', FunnelWidget],
              ['conversion', ConversionWidget],
              ['qualified', QualifiedWidget],
              ['speedToLead', SpeedToLeadWidget],
              ['owners', OwnersWidget],
            ] as const
          ).map(([id, widget]) => h('article', { key: id, class: 'insights-card' }, [h('h2', { class: 'text-subtitle-1' }, widgetTitles[id][locale]), h(widget)])),
        ),
      ]);
  },
});
