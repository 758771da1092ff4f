/**
 * A small, fast, seeded pseudo-random number generator (sfc32, seeded through splitmix32) and the
 * helpers the demo-data generator needs. The same seed always gives the same sequence, on every
 * platform and Node version: only 32-bit integer arithmetic is used.
 */

/** `[value, weight]` pairs; weights are relative and need not sum to 1. */
export type WeightedEntries<T> = readonly (readonly [value: T, weight: number])[];

const TWO_POW_32 = 4294967296;

/** splitmix32: turns one 32-bit seed into a well-mixed stream used to initialise sfc32. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `seed` is reduced to an unsigned 32-bit integer. */
  constructor(seed = 1) {
    const mix = splitmix32(Math.trunc(seed) >>> 0);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    // Warm up: the first few outputs of sfc32 are weakly mixed.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** An unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / TWO_POW_32;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One value of `[value, weight]` pairs, proportionally to its weight. Prefer {@link weighted} in hot loops. */
  weightedPick<T>(entries: WeightedEntries<T>): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    if (!(total > 0)) throw new RangeError('weightedPick() needs a positive total weight');
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    // Floating-point leftovers: the last entry with a positive weight.
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i] as (typeof entries)[number];
      if (entry[1] > 0) return entry[0];
    }
    throw new RangeError('unreachable');
  }

  /** A date in [start, end), uniformly, to the millisecond. */
  dateBetween(start: Date, end: Date): Date {
    const from = start.getTime();
    const to = end.getTime();
    return new Date(from + Math.floor(this.next() * Math.max(0, to - from)));
  }

  /** `count` random decimal digits as a string (may start with 0). */
  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String.fromCharCode(48 + Math.floor(this.next() * 10));
    return out;
  }
}

/** A weighted choice compiled once (cumulative weights) for repeated, allocation-free picks. */
export class WeightedTable<T> {
  readonly values: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: WeightedEntries<T>) {
    const values: T[] = [];
    const cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach(([value, weight], i) => {
      if (!(weight >= 0)) throw new RangeError(`negative or NaN weight for ${String(value)}`);
      total += weight;
      values.push(value);
      cumulative[i] = total;
    });
    if (!(total > 0)) throw new RangeError('a weighted table needs a positive total weight');
    this.values = values;
    this.cumulative = cumulative;
    this.total = total;
  }

  pick(random: Random): T {
    return this.at(random.next());
  }

  /** The value at position `u` in [0, 1) of the cumulative distribution. */
  at(u: number): T {
    const r = u * this.total;
    const cumulative = this.cumulative;
    const last = cumulative.length - 1;
    let i = 0;
    while (i < last && r >= (cumulative[i] as number)) i++;
    return this.values[i] as T;
  }
}

export const weighted = <T>(entries: WeightedEntries<T>): WeightedTable<T> => new WeightedTable(entries);
