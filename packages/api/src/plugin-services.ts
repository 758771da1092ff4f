import {
  scopedLogger,
  type EnableFailure,
  type LeadService,
  type Locale,
  type PluginHost,
  type PluginLogger,
  type Result,
  type SettingsFailure,
  type TemplateService,
} from '@sarnakh/core';
import { createPluginStateStore, type Database } from '@sarnakh/db';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionUser } from './context.js';

/** A job as a progress screen reads it. */
export interface JobInfo {
  id: string;
  name: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  retryCount: number;
  output?: unknown;
  createdOn: Date;
  completedOn?: Date | null;
}

export interface SendOptions {
  /** At most one queued job per key (a retried request queues nothing new). */
  singletonKey?: string;
  startAfter?: Date | number;
}

/** The durable job queue, as the API and plugins use it (implemented over pg-boss by `@sarnakh/jobs`). */
export interface JobQueue {
  send<Data>(name: string, data: Data, options?: SendOptions): Promise<string | null>;
  get(name: string, id: string): Promise<JobInfo | null>;
  cancel(name: string, id: string): Promise<void>;
}

/** A plugin's own job queues, by the short names it declared in `jobs` (`run`, not `excel-import.run`). */
export interface PluginJobQueue {
  send<Data>(job: string, data: Data, options?: SendOptions): Promise<string | null>;
  get(job: string, id: string): Promise<JobInfo | null>;
  cancel(job: string, id: string): Promise<void>;
}

/**
 * What a plugin gets to work with, in `init()` (`ctx.services`), in its tRPC procedures
 * (`ctx.plugin`), in its HTTP routes and in its job handlers.
 */
export interface PluginServices {
  readonly pluginId: string;
  /** The lead use cases, the ingest pipeline among them: the only way a plugin writes leads. */
  readonly leads: LeadService;
  /** Message templates: list them and render one for a lead (an SMS to send, an email). */
  readonly templates: TemplateService;
  /** The database: `db` for core's tables (read-only by convention), `raw` for the plugin's own. */
  readonly database: Database;
  readonly jobs: PluginJobQueue;
  readonly logger: PluginLogger;
  /** The plugin's current validated settings. */
  settings<T = Record<string, unknown>>(): T;
  /** A folder of the plugin's own for files (uploads), kept across restarts; created on first use. */
  readonly dataDir: string;
  /** Who signed in a raw HTTP request (by session cookie), for the plugin's routes; null if nobody. */
  sessionUser(headers: Headers): Promise<SessionUser | null>;
}

/** The plugin side of the services: the host, and switching and configuring plugins durably. */
export interface PluginPlatform {
  host: PluginHost;
  /** Null in a process that runs no jobs. Plugins' queues are named `<plugin id>.<job>`. */
  jobs: JobQueue | null;
  servicesFor(pluginId: string): PluginServices;
  /** Switch a plugin on or off here and in the database (other processes pick it up on refresh). */
  setEnabled(pluginId: string, enabled: boolean, actorId: string | null): Promise<Result<void, EnableFailure>>;
  /** Validate, apply and store a plugin's settings. */
  updateSettings(
    pluginId: string,
    raw: unknown,
    actorId: string | null,
    locale?: Locale,
  ): Promise<Result<Record<string, unknown> | undefined, SettingsFailure>>;
}

export interface PluginPlatformOptions {
  host: PluginHost;
  database: Database;
  leads: LeadService;
  templates: TemplateService;
  logger: PluginLogger;
  jobs?: JobQueue | null;
  /** Where plugins keep files: each gets `<filesDir>/<plugin id>`. Default: a folder in the OS temp dir. */
  filesDir?: string;
  sessionUser: (headers: Headers) => Promise<SessionUser | null>;
  /** Told after a plugin is switched, so the job runner can pause or resume its queues. */
  onEnabledChange?: (pluginId: string, enabled: boolean) => Promise<void>;
}

export function createPluginPlatform(options: PluginPlatformOptions): PluginPlatform {
  const { host, database, leads } = options;
  const jobs = options.jobs ?? null;
  const state = createPluginStateStore(database.db);
  const cache = new Map<string, PluginServices>();
  return {
    host,
    jobs,
    servicesFor(pluginId) {
      let services = cache.get(pluginId);
      if (!services) {
        services = {
          pluginId,
          leads,
          templates: options.templates,
          database,
          jobs: pluginJobQueue(pluginId, jobs),
          logger: scopedLogger(options.logger, pluginId),
          settings: <T>() => host.settingsOf(pluginId) as T,
          dataDir: join(options.filesDir ?? join(tmpdir(), 'sarnakh-files'), pluginId),
          sessionUser: options.sessionUser,
        };
        cache.set(pluginId, services);
      }
      return services;
    },
    async setEnabled(pluginId, enabled, actorId) {
      const was = host.isEnabled(pluginId);
      const result = host.setEnabled(pluginId, enabled);
      if (!result.ok) return result;
      try {
        await state.setEnabled(pluginId, enabled, actorId);
      } catch (error) {
        host.setEnabled(pluginId, was);
        throw error;
      }
      if (was !== enabled) await options.onEnabledChange?.(pluginId, enabled);
      return result;
    },
    async updateSettings(pluginId, raw, actorId, locale) {
      const previous = host.settingsOf(pluginId);
      const result = await host.updateSettings(pluginId, raw, locale);
      if (!result.ok) return result;
      try {
        await state.setSettings(pluginId, result.value, actorId);
      } catch (error) {
        await host.updateSettings(pluginId, previous);
        throw error;
      }
      return result;
    },
  };
}

/** `excel-import` + `run` → `excel-import.run`. */
export const jobQueueName = (pluginId: string, job: string): string => `${pluginId}.${job}`;

export function pluginJobQueue(pluginId: string, jobs: JobQueue | null): PluginJobQueue {
  const queue = (): JobQueue => {
    if (!jobs) throw new Error(`jobs are not running in this process (plugin "${pluginId}")`);
    return jobs;
  };
  return {
    send: (job, data, options) => queue().send(jobQueueName(pluginId, job), data, options),
    get: (job, id) => queue().get(jobQueueName(pluginId, job), id),
    cancel: (job, id) => queue().cancel(jobQueueName(pluginId, job), id),
  };
}
