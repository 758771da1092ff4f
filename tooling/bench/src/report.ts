import type { DatasetSpec } from './dataset.js';
import type { Machine } from './machine.js';
import type { Row, Settings } from './scenarios.js';
import type { Measure } from './stats.js';

export interface TargetResult {
  kind: 'embedded' | 'postgres';
  where: string;
  /** Why this database was not measured (unreachable, not a bench database…). */
  skipped?: string;
  server?: string;
  /** Seconds spent loading the dataset in this run; null when the cached one was reused. */
  loadSeconds?: number | null;
  rows?: Row[];
}

export interface BenchResults {
  generatedAt: string;
  smoke: boolean;
  dataset: DatasetSpec;
  settings: Settings;
  machine: Machine;
  targets: TargetResult[];
}

/**
 * How many times the counterpart the figure costs: time over time, or rate under rate.
 * Above 1: Sarnakh (or OFFSET) is that many times slower than its limit.
 */
export function ratio(row: Pick<Row, 'measured' | 'limit'>): number | null {
  const { measured, limit } = row;
  if (!measured || !limit || measured.unit !== limit.unit) return null;
  return measured.unit === 'ms' ? measured.value / limit.value : limit.value / measured.value;
}

const number = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n >= 10 ? n.toFixed(1) : n >= 1 ? n.toFixed(2) : n.toFixed(3));

function format(measure: Measure | null | undefined): string {
  if (!measure) return '—';
  if (measure.unit === 'ms') return `${number(measure.value)} ms`;
  return `${Math.round(measure.value).toLocaleString('en')}/s · p50 ${number(measure.p50)} · p99 ${number(measure.p99)} ms`;
}

// Two significant digits below 1 (a rollup read at 0.02× of its scan), one decimal up to 10.
const formatRatio = (r: number | null) => (r === null ? '—' : `${r >= 10 ? Math.round(r) : r >= 1 ? r.toFixed(1) : r.toPrecision(2)}×`);

/** The one table (Markdown), figures in rows, each database's figure, limit and ratio in columns. */
export function renderTable(results: BenchResults): string {
  const measured = results.targets.filter((t) => t.rows);
  const keys: Row[] = [];
  for (const target of measured) for (const row of target.rows!) if (!keys.some((k) => k.key === row.key)) keys.push(row);
  const header = ['figure', 'counterpart', ...measured.flatMap((t) => [t.kind, 'counterpart', '×'])];
  const lines = [header, header.map(() => '---')];
  for (const key of keys) {
    const cells = [key.figure, key.counterpart];
    for (const target of measured) {
      const row = target.rows!.find((r) => r.key === key.key);
      if (row?.note) cells.push(row.note, '', '');
      else cells.push(format(row?.measured), format(row?.limit), row ? formatRatio(ratio(row)) : '—');
    }
    lines.push(cells);
  }
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The lines above the table: what ran, where, on which machine. */
export function renderHeader(results: BenchResults): string {
  const { machine: m, dataset: d, settings: s } = results;
  const lines = [
    `Sarnakh bench${results.smoke ? ' (smoke)' : ''}: ${d.count.toLocaleString('en')} leads, ${d.agents} agents, seed ${d.seed}; ${results.generatedAt}`,
    `machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}`,
    `latencies: median of ${s.iterations} sequential runs after ${s.warmup} warm-up (OFFSET: ${s.slowIterations}); rates: median of ${s.rounds} rounds, ${s.concurrency} connections`,
  ];
  for (const t of results.targets) {
    if (t.skipped) lines.push(`${t.kind}: skipped (${t.skipped})`);
    else lines.push(`${t.kind}: ${t.server}, ${t.where}; dataset ${t.loadSeconds == null ? 'from cache' : `loaded in ${Math.round(t.loadSeconds)} s`}`);
  }
  return lines.join('\n');
}

/** The results as written to bench-results.json: each row with its ratio. */
/** The run as JSON: the core figures with their ratios (when the core section ran), and the other sections' tables. */
export function toJson(results: BenchResults | null, sections: Record<string, string> = {}): string {
  const core = results
    ? { ...results, targets: results.targets.map((t) => (t.rows ? { ...t, rows: t.rows.map((r) => ({ ...r, ratio: ratio(r) })) } : t)) }
    : { at: new Date().toISOString() };
  return `${JSON.stringify({ ...core, sections }, null, 2)}\n`;
}
