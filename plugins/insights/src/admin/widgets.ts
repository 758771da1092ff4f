import { h } from 'vue';
import type { WidgetAnswer } from '../widgets.js';
import { chart, insightsWidget, table } from './widget.js';
import { num, pct, say } from './state.js';


const minutes = (seconds: number | null) => (seconds === null ? null : seconds / 60);

/** New leads per period (Jalali labels in fa), with conversions. */
export const NewLeadsWidget = insightsWidget<WidgetAnswer<'newLeads'>>({
  name: 'InsightsNewLeads',
  widget: 'newLeads',
  withPeriod: true,
  render: (d, locale) =>
    chart(
      {
        tooltip: { trigger: 'axis' },
        legend: { data: [say(locale, 'leads'), say(locale, 'converted')] },
        xAxis: { type: 'category', data: d.points.map((p) => p.label) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: say(locale, 'leads'), type: 'line', smooth: true, areaStyle: {}, data: d.points.map((p) => p.leads) },
          { name: say(locale, 'converted'), type: 'line', smooth: true, data: d.points.map((p) => p.converted) },
        ],
      },
      locale,
    ),
});

/** The funnel: how many got to each stage on the way to a win, and conversion from the stage before. */
export const FunnelWidget = insightsWidget<WidgetAnswer<'funnel'>>({
  name: 'InsightsFunnel',
  widget: 'funnel',
  render: (d, locale) => {
    const way = d.stages.filter((s) => s.reached !== null);
    return [
      chart(
        {
          tooltip: { trigger: 'item' },
          series: [{ type: 'funnel', sort: 'none', minSize: '10%', label: { position: 'inside' }, data: way.map((s) => ({ name: s.label, value: s.reached ?? 0 })) }],
        },
        locale,
      ),
      table(
        [say(locale, 'stage'), say(locale, 'leads'), say(locale, 'reached'), say(locale, 'conversion'), say(locale, 'hoursInStage')],
        d.stages.map((s) => [s.label, num(locale, s.leads), num(locale, s.reached), pct(locale, s.conversion), num(locale, s.avgSeconds === null ? null : s.avgSeconds / 3600, { maximumFractionDigits: 1 })]),
      ),
    ];
  },
});

/** Conversion rate per source: which channels are worth the budget. */
export const ConversionWidget = insightsWidget<WidgetAnswer<'conversion'>>({
  name: 'InsightsConversion',
  widget: 'conversion',
  render: (d, locale) => [
    chart(
      {
        tooltip: { trigger: 'axis' },
        legend: { data: [say(locale, 'leads'), say(locale, 'converted')] },
        xAxis: { type: 'category', data: d.bySource.map((s) => s.label) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: say(locale, 'leads'), type: 'bar', data: d.bySource.map((s) => s.leads) },
          { name: say(locale, 'converted'), type: 'bar', data: d.bySource.map((s) => s.converted) },
        ],
      },
      locale,
    ),
    table(
      [say(locale, 'source'), say(locale, 'leads'), say(locale, 'conversion'), say(locale, 'won'), say(locale, 'cycle')],
      [...d.bySource, { ...d.overall, label: '∑' }].map((s) => [s.label, num(locale, s.leads), pct(locale, s.conversionRate), num(locale, s.won), num(locale, s.avgCycleDays, { maximumFractionDigits: 1 })]),
    ),
  ],
});

/** Qualified leads (MQL, SQL) per source, and per segment when the segment field is set. */
export const QualifiedWidget = insightsWidget<WidgetAnswer<'qualified'>>({
  name: 'InsightsQualified',
  widget: 'qualified',
  render: (d, locale) => {
    const rows = d.bySegment.length > 0 ? d.bySegment : d.bySource;
    return chart(
      {
        tooltip: { trigger: 'axis' },
        legend: { data: [say(locale, 'mql'), say(locale, 'sql')] },
        xAxis: { type: 'category', data: rows.map((r) => r.label) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: say(locale, 'mql'), type: 'bar', stack: 'q', data: rows.map((r) => r.mql) },
          { name: say(locale, 'sql'), type: 'bar', stack: 'q', data: rows.map((r) => r.sql) },
        ],
      },
      locale,
    );
  },
});

/** Speed to lead: median and 90th-percentile first response, and the share answered within the SLA. */
export const SpeedToLeadWidget = insightsWidget<WidgetAnswer<'speedToLead'>>({
  name: 'InsightsSpeedToLead',
  widget: 'speedToLead',
  render: (d, locale) => [
    h('p', { class: 'insights-headline' }, [
      `${say(locale, 'median')}: `, h('strong', num(locale, minutes(d.overall.median), { maximumFractionDigits: 1 })),
      ` · ${say(locale, 'p90')}: `, h('strong', num(locale, minutes(d.overall.p90), { maximumFractionDigits: 1 })),
      ` · ${say(locale, 'withinSla')}: `, h('strong', pct(locale, d.overall.withinSlaShare)),
    ]),
    table(
      [say(locale, 'name'), say(locale, 'leads'), say(locale, 'median'), say(locale, 'p90'), say(locale, 'withinSla')],
      d.byOwner.map((o) => [o.label, num(locale, o.leads), num(locale, minutes(o.median), { maximumFractionDigits: 1 }), num(locale, minutes(o.p90), { maximumFractionDigits: 1 }), pct(locale, o.withinSlaShare)]),
    ),
  ],
});

/** Per owner: assigned, contacted, converted, overdue tasks. */
export const OwnersWidget = insightsWidget<WidgetAnswer<'owners'>>({
  name: 'InsightsOwners',
  widget: 'owners',
  render: (d, locale) =>
    table(
      [say(locale, 'name'), say(locale, 'assigned'), say(locale, 'contacted'), say(locale, 'converted'), say(locale, 'overdue')],
      d.owners.map((o) => [o.name, num(locale, o.assigned), num(locale, o.contacted), num(locale, o.converted), num(locale, o.overdueTasks)]),
    ),
});
