import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { use, type ComposeOption } from 'echarts/core';
import type { BarSeriesOption, FunnelSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import VChart from 'vue-echarts';
import { defineComponent, h, onMounted, ref, watch, type VNode } from 'vue';
import { downloadXlsx, insightsQuery, pageLocale, type PageLocale } from './client.js';
import { dashboardFilter, filterInput, say } from './state.js';

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

/** A table in the page's direction. */
export function table(headers: string[], rows: (string | VNode)[][]): VNode {
  return h('table', { class: 'insights-table' }, [
    h('thead', h('tr', headers.map((label) => h('th', label)))),
    h('tbody', rows.map((cells) => h('tr', cells.map((cell) => h('td', typeof cell === 'string' ? h('bdi', cell) : cell))))),
  ]);
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
      const locale = pageLocale();
      const data = ref<T | null>(null);
      const error = ref<string | null>(null);
      const load = async () => {
        try {
          data.value = await insightsQuery<T>(spec.widget, filterInput(spec.withPeriod));
          error.value = null;
        } catch (e) {
          error.value = e instanceof Error ? e.message : String(e);
        }
      };
      onMounted(load);
      watch(() => ({ ...dashboardFilter }), load);
      const download = () => downloadXlsx(spec.widget, filterInput(spec.withPeriod));
      return () =>
        h('div', { class: 'insights-widget', dir: rtl(locale) ? 'rtl' : 'ltr' }, [
          h('div', { class: 'insights-widget__actions' }, [h('button', { type: 'button', class: 'insights-download', onClick: download }, say(locale, 'download'))]),
          error.value ? h('p', { class: 'text-error', role: 'alert' }, error.value) : null,
          data.value?.rebuilding ? h('p', { class: 'text-medium-emphasis' }, say(locale, 'rebuilding')) : null,
          data.value ? spec.render(data.value as T, locale) : null,
        ]);
    },
  });
}
