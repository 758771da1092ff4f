import type { FieldError } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import { err, ok, type Result } from '../result.js';
import { assertPluginFields, type AnyPlugin, type InitContext, type PluginLogger } from './define-plugin.js';
import { PluginError, type BootPhase, type IncompatiblePlugin } from './errors.js';
import { createRegistry, type Registry } from './extension-point.js';
import { createHooks, scopeHooks, type Hooks, type LeadEvents } from './hooks.js';
import { parseSettings } from './settings.js';
import { isCompatible, isSemverRange, isSemverVersion } from './versions.js';

export interface PluginHostOptions {
  /** The running `@sarnakh/core` version, matched against each plugin's `compatibility`. */
  coreVersion: string;
  /** The installed plugins, in any order: boot sorts them by `dependsOn`. */
  plugins: readonly AnyPlugin[];
  logger: PluginLogger;
  /** The stored raw settings of a plugin; `undefined` (or no function) means the schema's defaults. */
  settingsFor?: (pluginId: string) => unknown;
  /** Runs after every `provide()` and before any `init()`, with the plugins in boot order: `@sarnakh/db` runs migrations here. */
  onBeforeInit?: (plugins: readonly AnyPlugin[]) => Promise<void>;
  /** What `init()` sees as `ctx.services`; read when `init` runs, so it may be built after the host. */
  services?: (pluginId: string) => unknown;
  /** Runs after the registry is sealed: the server mounts routes and starts jobs here. */
  onAfterSeal?: (plugins: readonly AnyPlugin[]) => Promise<void>;
}

export type HostState = 'idle' | 'booting' | 'running' | 'failed' | 'stopping' | 'stopped';

/** Why `updateSettings` refused; `VALIDATION` carries the same field list as lead validation. */
export type SettingsFailure =
  | { code: 'UNKNOWN_PLUGIN'; pluginId: string }
  | { code: 'NOT_RUNNING'; state: HostState }
  | { code: 'VALIDATION'; fields: FieldError[] };

/** Why `setEnabled` refused: a plugin cannot run without its dependencies. */
export type EnableFailure =
  | { code: 'UNKNOWN_PLUGIN'; pluginId: string }
  /** Disabling: these enabled plugins depend on it; disable them first. */
  | { code: 'REQUIRED_BY'; pluginId: string; dependents: string[] }
  /** Enabling: it depends on these disabled plugins; enable them first. */
  | { code: 'DEPENDENCY_DISABLED'; pluginId: string; dependencies: string[] };

/** What `shutdown` could not do: each plugin whose `shutdown()` failed, with its error. */
export interface ShutdownReport {
  errors: { pluginId: string; error: unknown }[];
}

export interface PluginHost {
  /**
   * Check, order and start the plugins: (a) compatibility with core, (b) ids and dependencies,
   * (c) dependency order, (d) settings, (e) every `provide()`, (f) `onBeforeInit`, (g) every `init()`,
   * (h) seal the registry, (i) `onAfterSeal`. Throws a PluginError at the first refusal; when a step
   * after an `init()` fails, the plugins already started are shut down before it throws.
   */
  boot(): Promise<void>;
  /** Call each started plugin's `shutdown()` in reverse boot order, past failures. Idempotent. */
  shutdown(): Promise<ShutdownReport>;
  readonly state: HostState;
  /** Contributions of every plugin; read with `{ enabledOnly: host.isEnabled }` to skip disabled ones. */
  readonly registry: Registry;
  /**
   * The lead event bus. Handlers of disabled (or shut down) plugins are skipped; handlers registered
   * under an id that is no plugin's (`'api'`, `'server'`) always run. Failures are logged and reported.
   */
  readonly hooks: Hooks<LeadEvents>;
  /** The plugins in boot order (dependencies first); empty until `boot()` has ordered them. */
  readonly plugins: readonly AnyPlugin[];
  /** Whether the plugin is installed and enabled. Every plugin starts enabled. */
  isEnabled(pluginId: string): boolean;
  /** Switch a plugin on or off at run time (also before boot, to restore stored state). */
  setEnabled(pluginId: string, enabled: boolean): Result<void, EnableFailure>;
  /** The plugin's current validated settings (`undefined` for none, or before boot). */
  settingsOf(pluginId: string): Record<string, unknown> | undefined;
  /** Validate and apply new settings; plugins see them through `ctx.settings`. Storing them is the caller's job. */
  updateSettings(pluginId: string, raw: unknown, locale?: Locale): Promise<Result<Record<string, unknown> | undefined, SettingsFailure>>;
}

/** Create a plugin host. Nothing runs until `boot()`. */
export function createPluginHost(options: PluginHostOptions): PluginHost {
  if (!isSemverVersion(options.coreVersion)) throw new TypeError(`core version "${options.coreVersion}" is not a semver version`);
  const { logger } = options;

  let state: HostState = 'idle';
  let ordered: readonly AnyPlugin[] = [];
  let orderedIds: readonly string[] = [];
  const settings = new Map<string, Record<string, unknown> | undefined>();
  const disabled = new Set<string>();
  /** Plugins whose `init` step completed, in boot order: the ones `shutdown` must stop. */
  const started: AnyPlugin[] = [];
  /** Plugins that are shut down (or never will start): their handlers stay silent. */
  const stopped = new Set<string>();
  let booting: Promise<void> | undefined;
  let stopping: Promise<ShutdownReport> | undefined;

  const installed = (pluginId: string): AnyPlugin | undefined => options.plugins.find((p) => p.id === pluginId);
  const isEnabled = (pluginId: string): boolean => installed(pluginId) !== undefined && !disabled.has(pluginId);

  const registry = createRegistry({ pluginOrder: () => orderedIds });
  const hooks = createHooks<LeadEvents>({
    // Handlers of ids that are not plugins (the api or server layer's own) are the host's business: they always run.
    isEnabled: (pluginId) => installed(pluginId) === undefined || (isEnabled(pluginId) && !stopped.has(pluginId)),
    onError: ({ pluginId, event, error }) => scopedLogger(logger, pluginId).error('hook handler failed', { event, error }),
  });

  function contextFor(plugin: AnyPlugin): InitContext<Record<string, unknown> | undefined> {
    const pluginId = plugin.id;
    return {
      pluginId,
      register: (point, value, registerOptions) =>
        registry.register(point, value, { pluginId, ...(registerOptions?.order ? { order: registerOptions.order } : {}) }),
      hooks: scopeHooks(hooks, pluginId),
      get settings() {
        return settings.get(pluginId);
      },
      get services() {
        return options.services?.(pluginId);
      },
      logger: scopedLogger(logger, pluginId),
      get: (point, readOptions) => registry.get(point, { ...readOptions, reader: pluginId }),
      getAll: (point, readOptions) => registry.getAll(point, { ...readOptions, reader: pluginId }),
    };
  }

  /** Run one boot step of plugin or host code; anything but a PluginError becomes `BOOT_FAILED`. */
  async function step(phase: BootPhase, pluginId: string | null, work: () => unknown): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (error instanceof PluginError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new PluginError({ code: 'BOOT_FAILED', phase, pluginId, reason }, { cause: error });
    }
  }

  async function stopStarted(): Promise<ShutdownReport> {
    const errors: ShutdownReport['errors'] = [];
    for (const plugin of [...started].reverse()) {
      try {
        await plugin.shutdown?.();
      } catch (error) {
        errors.push({ pluginId: plugin.id, error });
        scopedLogger(logger, plugin.id).error('plugin shutdown failed', { error });
      }
      stopped.add(plugin.id);
    }
    started.length = 0;
    return { errors };
  }

  async function runBoot(): Promise<void> {
    const plugins = options.plugins;
    // (a) Compatibility first: an incompatible plugin's other fields may mean something else.
    for (const plugin of plugins) {
      if (!isSemverVersion(plugin.version)) {
        throw new PluginError({ code: 'INVALID_VERSION', pluginId: plugin.id, field: 'version', value: plugin.version });
      }
      if (!isSemverRange(plugin.compatibility)) {
        throw new PluginError({ code: 'INVALID_VERSION', pluginId: plugin.id, field: 'compatibility', value: plugin.compatibility });
      }
    }
    const incompatible: IncompatiblePlugin[] = plugins
      .filter((p) => !isCompatible(options.coreVersion, p.compatibility))
      .map((p) => ({ pluginId: p.id, version: p.version, compatibility: p.compatibility }));
    if (incompatible.length > 0) {
      throw new PluginError({ code: 'INCOMPATIBLE', coreVersion: options.coreVersion, plugins: incompatible });
    }

    // (b) Ids and dependencies.
    const seen = new Set<string>();
    for (const plugin of plugins) {
      assertPluginFields(plugin);
      if (seen.has(plugin.id)) throw new PluginError({ code: 'DUPLICATE_ID', pluginId: plugin.id });
      seen.add(plugin.id);
    }
    for (const plugin of plugins) {
      const dependency = (plugin.dependsOn ?? []).find((id) => !seen.has(id));
      if (dependency !== undefined) throw new PluginError({ code: 'MISSING_DEPENDENCY', pluginId: plugin.id, dependency });
    }

    // (c) Dependency order.
    ordered = Object.freeze(sortByDependencies(plugins));
    orderedIds = Object.freeze(ordered.map((p) => p.id));

    // (d) Settings, all before any plugin code runs.
    for (const plugin of ordered) {
      const parsed = await parseSettings(plugin.settings, await options.settingsFor?.(plugin.id));
      if (!parsed.ok) throw new PluginError({ code: 'INVALID_SETTINGS', pluginId: plugin.id, fields: parsed.error });
      settings.set(plugin.id, parsed.value);
    }

    const contexts = new Map(ordered.map((p) => [p.id, contextFor(p)]));
    const ctx = (plugin: AnyPlugin) => contexts.get(plugin.id)!;

    // (e) Every provide before any init, so init sees every contribution.
    for (const plugin of ordered) await step('provide', plugin.id, () => plugin.provide?.(ctx(plugin)));
    // (f) The db layer's slot: migrations.
    await step('beforeInit', null, () => options.onBeforeInit?.(ordered));
    // (g) init, dependencies first.
    for (const plugin of ordered) {
      await step('init', plugin.id, () => plugin.init?.(ctx(plugin)));
      started.push(plugin);
    }
    // (h) Only now, after every contributor has run.
    registry.seal();
    // (i) The server's slot: routes and jobs.
    await step('afterSeal', null, () => options.onAfterSeal?.(ordered));
  }

  return {
    boot(): Promise<void> {
      if (state !== 'idle') return Promise.reject(new PluginError({ code: 'INVALID_STATE', operation: 'boot', state }));
      state = 'booting';
      booting = runBoot().then(
        () => {
          state = 'running';
          logger.info('plugins booted', { plugins: [...orderedIds] });
        },
        async (error: unknown) => {
          state = 'failed';
          registry.seal();
          await stopStarted();
          for (const plugin of options.plugins) stopped.add(plugin.id);
          throw error;
        },
      );
      return booting;
    },

    shutdown(): Promise<ShutdownReport> {
      stopping ??= (async () => {
        if (booting) await booting.catch(() => undefined);
        state = 'stopping';
        registry.seal();
        const report = await stopStarted();
        for (const plugin of options.plugins) stopped.add(plugin.id);
        state = 'stopped';
        return report;
      })();
      return stopping;
    },

    get state() {
      return state;
    },
    registry,
    hooks,
    get plugins() {
      return ordered;
    },
    isEnabled,

    setEnabled(pluginId, enabled) {
      const plugin = installed(pluginId);
      if (!plugin) return err({ code: 'UNKNOWN_PLUGIN', pluginId });
      if (enabled) {
        const dependencies = (plugin.dependsOn ?? []).filter((id) => !isEnabled(id));
        if (dependencies.length > 0) return err({ code: 'DEPENDENCY_DISABLED', pluginId, dependencies });
        disabled.delete(pluginId);
      } else {
        const dependents = options.plugins.filter((p) => isEnabled(p.id) && p.dependsOn?.includes(pluginId)).map((p) => p.id);
        if (dependents.length > 0) return err({ code: 'REQUIRED_BY', pluginId, dependents });
        disabled.add(pluginId);
      }
      return ok(undefined);
    },

    settingsOf(pluginId) {
      return settings.get(pluginId);
    },

    async updateSettings(pluginId, raw, locale) {
      if (state !== 'running') return err({ code: 'NOT_RUNNING', state });
      const plugin = installed(pluginId);
      if (!plugin) return err({ code: 'UNKNOWN_PLUGIN', pluginId });
      const parsed = await parseSettings(plugin.settings, raw, locale);
      if (!parsed.ok) return err({ code: 'VALIDATION', fields: parsed.error });
      settings.set(pluginId, parsed.value);
      scopedLogger(logger, pluginId).info('plugin settings updated');
      return ok(parsed.value);
    },
  };
}

/** A logger whose lines carry `{ plugin: <id> }`. */
export function scopedLogger(logger: PluginLogger, pluginId: string): PluginLogger {
  return {
    info: (message, data) => logger.info(message, { plugin: pluginId, ...data }),
    warn: (message, data) => logger.warn(message, { plugin: pluginId, ...data }),
    error: (message, data) => logger.error(message, { plugin: pluginId, ...data }),
  };
}

/**
 * Dependencies first; otherwise the order the plugins were given. Depth-first over `dependsOn` in
 * declared order, so the result does not depend on Map or Set iteration. A cycle throws
 * `DEPENDENCY_CYCLE` with its path, first plugin repeated at the end: `a -> b -> a`.
 */
export function sortByDependencies(plugins: readonly AnyPlugin[]): AnyPlugin[] {
  const byId = new Map(plugins.map((p) => [p.id, p]));
  const done = new Set<string>();
  const path: string[] = [];
  const out: AnyPlugin[] = [];

  function visit(plugin: AnyPlugin): void {
    if (done.has(plugin.id)) return;
    const at = path.indexOf(plugin.id);
    if (at !== -1) throw new PluginError({ code: 'DEPENDENCY_CYCLE', cycle: [...path.slice(at), plugin.id] });
    path.push(plugin.id);
    for (const id of plugin.dependsOn ?? []) {
      const dependency = byId.get(id);
      if (!dependency) throw new PluginError({ code: 'MISSING_DEPENDENCY', pluginId: plugin.id, dependency: id });
      visit(dependency);
    }
    path.pop();
    done.add(plugin.id);
    out.push(plugin);
  }

  for (const plugin of plugins) visit(plugin);
  return out;
}
