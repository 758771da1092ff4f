import { createAppRouter, createServices, type Services } from '@sarnakh/api';
import { CORE_VERSION, createPluginHost, type PluginHost, type PluginLogger } from '@sarnakh/core';
import { createPluginStateStore, migrate, type Database, type MigrationSet } from '@sarnakh/db';
import { createJobRunner, type JobRunner } from '@sarnakh/jobs';
import type { SarnakhPlugin } from '@sarnakh/plugin-sdk';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import type { CaptureOptions } from './capture/routes.js';
import { coreJobs } from './core-jobs.js';
import { pluginJobName, pluginRuntime } from './plugin-runtime.js';

export interface PlatformOptions<P extends readonly SarnakhPlugin[]> {
  database: Database;
  plugins: P;
  logger: Logger;
  auth: { secret: string; baseURL: string; trustedOrigins: string[] };
  /** The admin web app's build, served at `/` when it exists. */
  adminDist?: string;
  /** `poll: false` runs jobs only when asked (`jobs.drain()`), for tests. */
  jobs?: { poll?: boolean; pollingIntervalSeconds?: number };
  /** Seconds between re-reads of the plugins' enabled flags and settings saved by other processes. */
  pluginStateRefreshSeconds?: number;
  /** Web-to-lead options: which proxies to believe for client addresses. */
  capture?: CaptureOptions;
  /** Where plugins keep files such as uploads (`<filesDir>/<plugin id>`); default a folder in the OS temp dir. */
  filesDir?: string;
  /** Override the running core version (tests of the compatibility check). */
  coreVersion?: string;
  /** The clock of lead changes, tasks, reminders and the SLA; tests move it instead of waiting. */
  now?: () => Date;
}

export interface Platform<P extends readonly SarnakhPlugin[]> {
  app: ReturnType<typeof createApp>;
  appRouter: ReturnType<typeof createAppRouter<P>>;
  host: PluginHost;
  services: Services;
  jobs: JobRunner;
  /** Stop jobs, then the plugins (in reverse boot order). The caller closes the database. */
  stop(): Promise<void>;
}

/** A pino logger in the plugin kernel's shape: message first, data second. */
export function pluginLogger(logger: Logger): PluginLogger {
  return {
    info: (message, data) => logger.info(data ?? {}, message),
    warn: (message, data) => logger.warn(data ?? {}, message),
    error: (message, data) => logger.error(data ?? {}, message),
  };
}

/** `round-robin` → `plugin_round_robin_migrations`. */
export const pluginMigrationTable = (pluginId: string) => `plugin_${pluginId.replace(/-/g, '_')}_migrations`;

/**
 * Start Sarnakh on an open database: core migrations, the plugin host (compatibility → dependency
 * order → provide → plugin migrations → init → seal), jobs, and the HTTP app with every plugin's
 * router and routes mounted. The enabled flags and settings saved in the database are restored
 * first, and re-read periodically so an admin's change in one process reaches the others.
 */
export async function startPlatform<const P extends readonly SarnakhPlugin[]>(options: PlatformOptions<P>): Promise<Platform<P>> {
  const { database, plugins, logger } = options;
  const log = pluginLogger(logger);
  await migrate(database);

  const state = createPluginStateStore(database.db);
  const stored = await state.all();
  // The host hands plugins their services, which need the host: tie the knot through a box.
  const box: { services?: Services } = {};
  const host = createPluginHost({
    coreVersion: options.coreVersion ?? CORE_VERSION,
    plugins,
    logger: log,
    settingsFor: (id) => stored.get(id)?.settings ?? undefined,
    services: (id) => box.services?.plugins.servicesFor(id),
    onBeforeInit: async (ordered) => {
      const sets: MigrationSet[] = (ordered as readonly SarnakhPlugin[])
        .filter((p) => p.migrations !== undefined)
        .map((p) => ({
          table: pluginMigrationTable(p.id),
          provider: { getMigrations: async () => ({ ...p.migrations }) },
        }));
      const applied = await migrate(database, sets);
      if (applied.length > 0) logger.info({ applied }, 'plugin migrations applied');
    },
    onAfterSeal: async (ordered) => {
      await jobs.start();
      for (const [name, definition] of Object.entries(coreJobs(database, { services: box.services!, logger: log }))) {
        await jobs.register(name, definition);
      }
      for (const plugin of ordered as readonly SarnakhPlugin[]) {
        for (const [job, definition] of Object.entries(plugin.jobs ?? {})) {
          const runtime = pluginRuntime<Record<string, unknown> | undefined>(plugin.id, () => box.services!);
          const queue = pluginJobName(plugin.id, job);
          // Paused first, so a disabled plugin's worker never takes a job in between.
          if (!host.isEnabled(plugin.id)) await jobs.pause(queue);
          await jobs.register(queue, { ...definition, handler: (ctx) => definition.handler(ctx, runtime) });
        }
      }
    },
  });
  // Restore the saved flags before boot: dependents first, so a dependency can be switched off after them.
  for (const plugin of [...plugins].reverse()) {
    if (stored.get(plugin.id)?.enabled === false) {
      const result = host.setEnabled(plugin.id, false);
      if (!result.ok) logger.warn({ plugin: plugin.id, reason: result.error.code }, 'plugin stays enabled: another enabled plugin needs it');
    }
  }

  const jobs = createJobRunner({
    database,
    logger: log,
    ...(options.jobs?.poll === undefined ? {} : { poll: options.jobs.poll }),
    ...(options.jobs?.pollingIntervalSeconds === undefined ? {} : { pollingIntervalSeconds: options.jobs.pollingIntervalSeconds }),
  });

  async function switchQueues(pluginId: string, enabled: boolean): Promise<void> {
    const plugin = plugins.find((p) => p.id === pluginId);
    for (const job of Object.keys(plugin?.jobs ?? {})) {
      const queue = pluginJobName(pluginId, job);
      if (enabled) await jobs.resume(queue);
      else await jobs.pause(queue);
    }
  }

  const services = (box.services = createServices({
    database,
    host,
    logger: log,
    auth: options.auth,
    jobs,
    ...(options.filesDir ? { filesDir: options.filesDir } : {}),
    ...(options.now ? { now: options.now } : {}),
    onPluginEnabledChange: switchQueues,
  }));

  try {
    await host.boot();
  } catch (error) {
    await jobs.stop().catch(() => undefined);
    throw error;
  }

  const appRouter = createAppRouter(plugins);
  const app = createApp({
    services,
    logger,
    appRouter,
    plugins,
    ...(options.adminDist === undefined ? {} : { adminDist: options.adminDist }),
    ...(options.capture === undefined ? {} : { capture: options.capture }),
  });

  const refresh = refreshPluginState(options.pluginStateRefreshSeconds ?? 10);
  function refreshPluginState(seconds: number) {
    let seen = new Map([...stored].map(([id, s]) => [id, s.updatedAt.getTime()]));
    const timer = setInterval(() => {
      void (async () => {
        const latest = await state.all();
        for (const [id, s] of latest) {
          if (seen.get(id) === s.updatedAt.getTime()) continue;
          if (host.isEnabled(id) !== s.enabled && host.setEnabled(id, s.enabled).ok) await switchQueues(id, s.enabled);
          await host.updateSettings(id, s.settings ?? undefined);
        }
        seen = new Map([...latest].map(([id, s]) => [id, s.updatedAt.getTime()]));
      })().catch((error: unknown) => logger.warn({ err: error }, 'could not refresh plugin state'));
    }, seconds * 1000);
    timer.unref();
    return timer;
  }

  return {
    app,
    appRouter,
    host,
    services,
    jobs,
    async stop() {
      clearInterval(refresh);
      await jobs.stop();
      const report = await host.shutdown();
      for (const { pluginId, error } of report.errors) logger.error({ plugin: pluginId, err: error }, 'plugin shutdown failed');
    },
  };
}
