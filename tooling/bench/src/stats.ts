/** The q-quantile (0..1) by linear interpolation between closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

/** One figure: a latency (median of `samples` timed runs) or a rate (median of `samples` rounds). */
export type Measure =
  | { unit: 'ms'; value: number; samples: number }
  | { unit: '/s'; value: number; samples: number; p50: number; p99: number; requests: number };

/** Time `work` `iterations` times after `warmup` untimed runs, one after another; the median in ms. */
export async function latency(work: () => Promise<unknown>, iterations: number, warmup: number): Promise<Measure> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return { unit: 'ms', value: median(times), samples: iterations };
}

export interface Round {
  latencies: readonly number[];
  elapsedMs: number;
}

/** Rounds of concurrent load as one figure: the median round's rate, p50 and p99 latency. */
export function rate(rounds: readonly Round[]): Measure {
  return {
    unit: '/s',
    value: median(rounds.map((r) => (r.latencies.length / r.elapsedMs) * 1000)),
    p50: median(rounds.map((r) => quantile(r.latencies, 0.5))),
    p99: median(rounds.map((r) => quantile(r.latencies, 0.99))),
    samples: rounds.length,
    requests: rounds.reduce((n, r) => n + r.latencies.length, 0),
  };
}

/** `concurrency` lanes running `work(i)` for i in [0, count); each call's latency and the wall time. */
export async function concurrently(count: number, concurrency: number, work: (i: number) => Promise<unknown>): Promise<Round> {
  const latencies: number[] = new Array<number>(count).fill(0);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await work(i);
        latencies[i] = performance.now() - t;
      }
    }),
  );
  return { latencies, elapsedMs: performance.now() - started };
}
