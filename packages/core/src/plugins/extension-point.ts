import { PluginError } from './errors.js';

/** How many contributions an extension point takes: exactly one provider, or any number of them. */
export type Cardinality = 'one' | 'many';

/** Where a contribution sits among the others to a `many` point; ties go by plugin boot order. */
export type ContributionOrder = 'pre' | 'normal' | 'post';

declare const valueType: unique symbol;

/**
 * A typed token naming a place plugins can contribute to. `T` is the type of each contribution; it
 * exists only in the type system (nothing is stored under the phantom key). Two tokens with the same
 * id are the same point, so a second copy of `@sarnakh/core` in a bundle still lines up.
 */
export interface ExtensionPoint<T, C extends Cardinality = Cardinality> {
  readonly id: string;
  readonly cardinality: C;
  /** Phantom, never set. A function type keeps `T` invariant: a `Point<string>` is not a `Point<unknown>`. */
  readonly [valueType]?: (value: T) => T;
}

/**
 * Create an extension point token. Give `T` explicitly; the cardinality is inferred:
 *
 *     export const assignmentStrategy = createExtensionPoint<AssignmentStrategy>('lead.assignmentStrategy', { cardinality: 'one' });
 */
export function createExtensionPoint<T>(id: string, options: { cardinality: 'one' }): ExtensionPoint<T, 'one'>;
export function createExtensionPoint<T>(id: string, options: { cardinality: 'many' }): ExtensionPoint<T, 'many'>;
export function createExtensionPoint<T>(id: string, options: { cardinality: Cardinality }): ExtensionPoint<T>;
export function createExtensionPoint<T>(id: string, options: { cardinality: Cardinality }): ExtensionPoint<T> {
  if (id.trim() === '') throw new TypeError('an extension point needs a non-empty id');
  return Object.freeze({ id, cardinality: options.cardinality });
}

/** One value a plugin gave to a point, with who gave it and where it asked to sit. */
export interface Contribution<T> {
  readonly value: T;
  readonly pluginId: string;
  readonly order: ContributionOrder;
}

export interface RegisterOptions {
  pluginId: string;
  /** Default `normal`. Only meaningful for `many` points. */
  order?: ContributionOrder;
}

export interface ReadOptions {
  /** Keep only contributions of plugins for which this answers true, e.g. `host.isEnabled`. */
  enabledOnly?: (pluginId: string) => boolean;
  /**
   * Who is reading, for the late-contribution error (plugin contexts fill it in). Any read before the
   * seal is remembered: registering to that point afterwards would be missed by the reader, so it throws.
   */
  reader?: string;
}

export interface RegistryOptions {
  /**
   * Plugin ids in boot order: it ranks contributions to `many` points within each `order` bucket.
   * A function is read on each register and read, so a host can fill the order in at boot.
   * Registering for a plugin not in this order throws `UNKNOWN_PLUGIN`.
   */
  pluginOrder: readonly string[] | (() => readonly string[]);
}

/** The store of contributions. Plugins register during boot; after `seal()` it only answers reads. */
export interface Registry {
  register<T>(point: ExtensionPoint<T>, value: NoInfer<T>, options: RegisterOptions): void;
  /** The single contribution to a `one` point, or undefined when there is none (or it is filtered out). */
  get<T>(point: ExtensionPoint<T, 'one'>, options?: ReadOptions): T | undefined;
  /** The contributions to a `many` point, by `order` (pre, normal, post), then plugin boot order. */
  getAll<T>(point: ExtensionPoint<T, 'many'>, options?: ReadOptions): T[];
  /** Like `getAll`, with each value's plugin and order (for admin screens and diagnostics). */
  contributions<T>(point: ExtensionPoint<T>, options?: ReadOptions): Contribution<T>[];
  /** Refuse every later `register` with `REGISTRY_SEALED`. Idempotent. */
  seal(): void;
  readonly sealed: boolean;
}

const orderRank: Record<ContributionOrder, number> = { pre: 0, normal: 1, post: 2 };

interface Entry {
  readonly contribution: Contribution<unknown>;
  /** Registration sequence: breaks ties between contributions of one plugin in one bucket. */
  readonly seq: number;
}

interface PointState {
  readonly cardinality: Cardinality;
  readonly entries: Entry[];
  /** Who read this point before the seal, if anyone. */
  readBy: string | undefined;
}

/** Create an empty registry. The plugin host makes one per boot; tests can make their own. */
export function createRegistry(options: RegistryOptions): Registry {
  const points = new Map<string, PointState>();
  let sealed = false;
  let seq = 0;

  const pluginOrder = (): readonly string[] =>
    typeof options.pluginOrder === 'function' ? options.pluginOrder() : options.pluginOrder;

  function stateOf(point: ExtensionPoint<unknown>): PointState {
    let state = points.get(point.id);
    if (!state) {
      state = { cardinality: point.cardinality, entries: [], readBy: undefined };
      points.set(point.id, state);
    } else if (state.cardinality !== point.cardinality) {
      throw new PluginError({ code: 'POINT_CONFLICT', pointId: point.id });
    }
    return state;
  }

  function read<T>(point: ExtensionPoint<T>, readOptions: ReadOptions | undefined): Contribution<T>[] {
    const state = stateOf(point as ExtensionPoint<unknown>);
    if (!sealed && state.readBy === undefined) {
      state.readBy = readOptions?.reader === undefined ? 'the host' : `plugin "${readOptions.reader}"`;
    }
    const keep = readOptions?.enabledOnly;
    const rank = new Map(pluginOrder().map((id, index) => [id, index]));
    return state.entries
      .filter((e) => !keep || keep(e.contribution.pluginId))
      .sort(
        (a, b) =>
          orderRank[a.contribution.order] - orderRank[b.contribution.order] ||
          (rank.get(a.contribution.pluginId) ?? Infinity) - (rank.get(b.contribution.pluginId) ?? Infinity) ||
          a.seq - b.seq,
      )
      .map((e) => e.contribution as Contribution<T>);
  }

  return {
    register<T>(point: ExtensionPoint<T>, value: T, registerOptions: RegisterOptions): void {
      const { pluginId } = registerOptions;
      if (sealed) throw new PluginError({ code: 'REGISTRY_SEALED', pointId: point.id, pluginId });
      if (!pluginOrder().includes(pluginId)) throw new PluginError({ code: 'UNKNOWN_PLUGIN', pluginId });
      const state = stateOf(point as ExtensionPoint<unknown>);
      if (state.readBy !== undefined) {
        throw new PluginError({ code: 'LATE_CONTRIBUTION', pointId: point.id, pluginId, readBy: state.readBy });
      }
      const first = state.entries[0];
      if (state.cardinality === 'one' && first) {
        throw new PluginError({
          code: 'DUPLICATE_CONTRIBUTION',
          pointId: point.id,
          pluginIds: [first.contribution.pluginId, pluginId],
        });
      }
      const contribution: Contribution<unknown> = Object.freeze({ value, pluginId, order: registerOptions.order ?? 'normal' });
      state.entries.push({ contribution, seq: seq++ });
    },

    get<T>(point: ExtensionPoint<T, 'one'>, readOptions?: ReadOptions): T | undefined {
      return read(point, readOptions)[0]?.value;
    },

    getAll<T>(point: ExtensionPoint<T, 'many'>, readOptions?: ReadOptions): T[] {
      return read(point, readOptions).map((c) => c.value);
    },

    contributions<T>(point: ExtensionPoint<T>, readOptions?: ReadOptions): Contribution<T>[] {
      return read(point, readOptions);
    },

    seal(): void {
      sealed = true;
    },

    get sealed(): boolean {
      return sealed;
    },
  };
}
