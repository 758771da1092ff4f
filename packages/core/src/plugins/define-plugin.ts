import { PluginError } from './errors.js';
import type { ContributionOrder, ExtensionPoint, ReadOptions } from './extension-point.js';
import type { LeadEvents, PluginHooks } from './hooks.js';
import type { SettingsOf, SettingsSchema } from './settings.js';
import { isSemverRange, isSemverVersion } from './versions.js';

/** Where a plugin writes its log lines. The host passes one in (pino, console, a test recorder). */
export interface PluginLogger {
  info: (message: string, data?: Record<string, unknown>) => void;
  warn: (message: string, data?: Record<string, unknown>) => void;
  error: (message: string, data?: Record<string, unknown>) => void;
}

/** What `provide()` gets: the place to contribute, the hook bus, its settings and a logger. */
export interface ProvideContext<Settings> {
  readonly pluginId: string;
  /** Contribute `value` to `point`, as this plugin. Order defaults to `normal`. */
  register<T>(point: ExtensionPoint<T>, value: NoInfer<T>, options?: { order?: ContributionOrder }): void;
  /** The host's lead events; handlers registered here are silent while the plugin is disabled. */
  readonly hooks: PluginHooks<LeadEvents>;
  /**
   * The validated settings. Live: after `host.updateSettings` this answers the new value, so read it
   * when you need it rather than copying it in `init`.
   */
  readonly settings: Settings;
  /** Lines carry `{ plugin: <id> }`. */
  readonly logger: PluginLogger;
}

/**
 * What `init()` gets: everything `provide()` did, reading what every plugin provided, and the
 * platform's services (typed by `@sarnakh/plugin-sdk`: the lead service, the database, jobs).
 */
export interface InitContext<Settings, Services = unknown> extends ProvideContext<Settings> {
  readonly services: Services;
  get<T>(point: ExtensionPoint<T, 'one'>, options?: Pick<ReadOptions, 'enabledOnly'>): T | undefined;
  getAll<T>(point: ExtensionPoint<T, 'many'>, options?: Pick<ReadOptions, 'enabledOnly'>): T[];
}

/**
 * A plugin, fully typed. `M`, `R`, `Rt`, `J`, `A` are the types of the parts other layers read;
 * core never looks inside them, so it keeps whatever type the plugin gave.
 */
export interface PluginDefinition<
  Id extends string = string,
  S extends SettingsSchema | undefined = SettingsSchema | undefined,
  M = unknown,
  R = unknown,
  Rt = unknown,
  J = unknown,
  A = unknown,
  Svc = unknown,
> {
  /** Kebab-case, unique among installed plugins: `round-robin`. Its camelCase is `pluginKey(id)`. */
  readonly id: Id;
  /** The plugin's own semver version: `1.2.0`. */
  readonly version: string;
  /** The semver range of `@sarnakh/core` it works with: `^0.1.0`. Checked first at boot. */
  readonly compatibility: string;
  /** Ids of plugins that must be installed and booted before this one. */
  readonly dependsOn?: readonly string[];
  /** A zod schema for the settings; its output types `ctx.settings`. Use `.default()` for optional settings. */
  readonly settings?: S;
  /** Contribute to extension points and subscribe to hooks. Every plugin's `provide` runs before any `init`. */
  provide?(ctx: ProvideContext<SettingsOf<S>>): void | Promise<void>;
  /** Start up, reading what every plugin provided. Runs in dependency order, after migrations. */
  init?(ctx: InitContext<SettingsOf<S>, Svc>): void | Promise<void>;
  /** Let go of resources. Runs in reverse boot order; a failure is reported and the others still run. */
  shutdown?(): void | Promise<void>;
  /** Database migrations. Interpreted by `@sarnakh/db` (run in the host's `onBeforeInit` slot). */
  readonly migrations?: M;
  /** A tRPC router. Interpreted by `@sarnakh/api`, which nests it under `pluginKey(id)`. */
  readonly router?: R;
  /** Raw HTTP routes (webhooks, capture endpoints). Interpreted by the server app, mounted after the seal. */
  readonly routes?: Rt;
  /** Background jobs and schedules. Interpreted by the server's job runner, started after the seal. */
  readonly jobs?: J;
  /** The admin (Vue) half: pages, panels, field inputs. Interpreted by the admin app, never by the server. */
  readonly admin?: A;
}

/** The parts of a plugin other layers interpret, as one type argument of `Plugin`. */
export interface PluginParts {
  migrations: unknown;
  router: unknown;
  routes: unknown;
  jobs: unknown;
  admin: unknown;
}

/** A plugin by its id, settings schema and parts. `Plugin` with no arguments is any plugin. */
export type Plugin<
  Id extends string = string,
  S extends SettingsSchema | undefined = SettingsSchema | undefined,
  P extends PluginParts = PluginParts,
> = PluginDefinition<Id, S, P['migrations'], P['router'], P['routes'], P['jobs'], P['admin']>;

/** Any plugin, as the host takes them. */
export type AnyPlugin = Plugin;

const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*$/;
const ID_MAX_LENGTH = 64;

/**
 * Whether `id` is a valid plugin id: kebab-case, at most 64 characters, each word starting with a
 * letter (so `pluginKey` is one-to-one: `sms-2fa` would clash with `sms2fa`).
 */
export const isPluginId = (id: string): boolean => id.length <= ID_MAX_LENGTH && ID_PATTERN.test(id);

/** `round-robin` → `roundRobin`, at the type level. */
export type PluginKey<Id extends string> = Id extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<PluginKey<Tail>>}` : Id;

/** The camelCase key of a plugin id, for router and config namespaces: `round-robin` → `roundRobin`. */
export function pluginKey<Id extends string>(id: Id): PluginKey<Id> {
  return id.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase()) as PluginKey<Id>;
}

/**
 * Check the fields that need no other plugin: the id, the version and the compatibility range.
 * Throws the first problem as a PluginError (`INVALID_ID`, `INVALID_VERSION`).
 */
export function assertPluginFields(plugin: Pick<AnyPlugin, 'id' | 'version' | 'compatibility'>): void {
  if (!isPluginId(plugin.id)) throw new PluginError({ code: 'INVALID_ID', pluginId: plugin.id });
  if (!isSemverVersion(plugin.version)) {
    throw new PluginError({ code: 'INVALID_VERSION', pluginId: plugin.id, field: 'version', value: plugin.version });
  }
  if (!isSemverRange(plugin.compatibility)) {
    throw new PluginError({ code: 'INVALID_VERSION', pluginId: plugin.id, field: 'compatibility', value: plugin.compatibility });
  }
}

/**
 * Define a plugin. Returns the spec unchanged, typed end to end: `ctx.settings` is the settings
 * schema's output, and `router`, `migrations` and the other parts keep their own types for the
 * layers that read them. Checks the id, version and compatibility range now, so a typo fails at
 * import rather than at boot.
 *
 *     export default definePlugin({
 *       id: 'round-robin',
 *       version: '1.0.0',
 *       compatibility: '^0.1.0',
 *       settings: z.object({ skipInactive: z.boolean().default(true) }),
 *       provide(ctx) { ctx.register(assignmentStrategy, roundRobin(ctx.settings)); },
 *     });
 */
export function definePlugin<
  Id extends string,
  S extends SettingsSchema | undefined = undefined,
  M = undefined,
  R = undefined,
  Rt = undefined,
  J = undefined,
  A = undefined,
>(spec: PluginDefinition<Id, S, M, R, Rt, J, A>): PluginDefinition<Id, S, M, R, Rt, J, A> {
  assertPluginFields(spec);
  return spec;
}
