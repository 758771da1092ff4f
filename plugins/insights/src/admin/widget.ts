import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import type { BarSeriesOption, FunnelSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import VChart from 'vue-echarts';
import { callProcedure, errorMessage } from '@sarnakh/plugin-sdk/admin';
import { defineComponent, h, onMounted, ref, watch, type VNode } from 'vue';
import { VAlert, VBtn, VProgressLinear, VTable } from 'vuetify/components';
import { dashboardFilter, filterInput, locale as pageLocale, say, type PageLocale } from './state.js';

// Only the chart types and parts the widgets draw, so the bundle carries no more of ECharts.
use([CanvasRenderer, LineChart, BarChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent]);

export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | FunnelSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

const rtl = (locale: PageLocale) => locale !== 'en';

/**
 * A chart that reads right to left in fa and ar: the category axis runs from the right, the value
 * axis stands on the right, the legend sits at the right edge.
 */
export function chart(option: ChartOption, locale: PageLocale, height = 280): VNode {
  const right = rtl(locale);
  const axis = (a: unknown, category: boolean) => (a && typeof a === 'object' ? { ...a, ...(category ? { inverse: right } : { position: right ? 'right' : 'left' }) } : a);
  const x = option.xAxis as { type?: string } | undefined;
  const y = option.yAxis as { type?: string } | undefined;
  const themed: ChartOption = {
    ...option,
    textStyle: { fontFamily: 'Vazirmatn, system-ui, sans-serif' },
    legend: { ...(option.legend as object), top: 0, ...(right ? { right: 0 } : { left: 0 }), align: right ? 'right' : 'left' },
    ...(x ? { xAxis: axis(x, x.type === 'category') } : {}),
    ...(y ? { yAxis: axis(y, y.type === 'category') } : {}),
  } as ChartOption;
  return h(VChart, { option: themed, autoresize: true, style: { height: `${height}px`, width: '100%' } });
}

/** A table in the page's direction, scrolling sideways on a narrow screen. */
export function table(headers: string[], rows: (string | VNode)[][]): VNode {
  return h(VTable, { density: 'compact', class: 'insights-table overflow-x-auto mt-2' }, () => [
    h('thead', h('tr', headers.map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', rows.map((cells) => h('tr', cells.map((cell) => h('td', typeof cell === 'string' ? h('bdi', cell) : cell))))),
  ]);
}

/** Download the widget's numbers as .xlsx: the browser follows the link with the session cookie. */
export function exportUrl(widget: string, input: unknown): string {
  return `/api/plugins/insights/export/${widget}.xlsx?input=${encodeURIComponent(JSON.stringify(input ?? null))}`;
}

interface WidgetSpec<T> {
  name: string;
  /** The procedure under `insights.` and the export's widget id. */
  widget: string;
  withPeriod?: boolean;
  render(data: T, locale: PageLocale): VNode | VNode[];
}

/**
 * An insights widget: loads its procedure with the dashboard's filter (again whenever it changes),
 * draws the answer, and offers the same numbers as .xlsx.
 */
export function insightsWidget<T extends { rebuilding: boolean }>(spec: WidgetSpec<T>) {
  return defineComponent({
    name: spec.name,
    setup() {
      const data = ref<T | null>(null);
      const error = ref<string | null>(null);
      const loading = ref(false);
      const load = async () => {
        loading.value = true;
        try {
          data.value = await callProcedure<T>(`insights.${spec.widget}`, filterInput(spec.withPeriod));
          error.value = null;
        } catch (e) {
          error.value = errorMessage(e);
        } finally {
          loading.value = false;
        }
      };
      onMounted(load);
      // The labels (months, stages) come back in the page's language: ask again when it changes.
      watch([() => ({ ...dashboardFilter }), pageLocale], load);
      return () => {
        const locale = pageLocale.value;
        return h('div', { class: 'insights-widget' }, [
          h('div', { class: 'd-flex justify-end' }, [
            h(
              VBtn,
              {
                href: exportUrl(spec.widget, filterInput(spec.withPeriod)),
                download: '',
                size: 'small',
                variant: 'text',
                prependIcon: 'mdi-download',
                class: 'insights-download',
              },
              () => say(locale, 'download'),
            ),
          ]),
          h(VProgressLinear, { indeterminate: true, active: loading.value, height: 2, color: 'primary', 'aria-hidden': 'true' }),
          error.value ? h(VAlert, { type: 'error', variant: 'tonal', density: 'compact', class: 'my-2', role: 'alert' }, () => error.value) : null,
          data.value?.rebuilding ? h(VAlert, { type: 'info', variant: 'tonal', density: 'compact', class: 'my-2' }, () => say(locale, 'rebuilding')) : null,
          data.value ? spec.render(data.value as T, locale) : null,
        ]);
      };
    },
  });
}
