/**
 * The Sarnakh plugin SDK: everything a plugin imports. `definePlugin` types each part a plugin can
 * have; the extension-point tokens and hook payloads come from `@sarnakh/core`; `pluginTrpc` builds
 * a router that mounts under the plugin's camelCased id.
 */
import {
  definePlugin as defineCorePlugin,
  type PluginDefinition,
  type SettingsOf,
  type SettingsSchema,
} from '@sarnakh/core';
import type { PluginServices } from '@sarnakh/api';
import type { JobContext, JobDefinition } from '@sarnakh/jobs';
import type { AnyTRPCRouter } from '@trpc/server';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';

export {
  // The kernel: tokens, hooks, ids, errors, the bare test host.
  createExtensionPoint,
  pluginKey,
  isPluginId,
  PluginError,
  startTestHost,
  memoryLogger,
  CORE_VERSION,
  // Core's extension points.
  fieldTypes,
  conversionTargets,
  scorers,
  distributionStrategies,
  captureChannels,
  duplicatePolicies,
} from '@sarnakh/core';
export type {
  AnyPlugin,
  Cardinality,
  CaptureChannel,
  ConversionContext,
  ConversionIds,
  ConversionTarget,
  ConversionTargetField,
  DistributionInput,
  DistributionStrategy,
  DuplicatePolicy,
  ExtensionPoint,
  FieldConfig,
  FieldStorage,
  FieldType,
  IngestOutcome,
  IngestRequest,
  InitContext,
  Lead,
  LeadEvents,
  LeadInput,
  LocalizedText,
  Notification,
  PluginActivityType,
  PluginLogger,
  ProvideContext,
  Scorer,
  ScoreInput,
  ScoreReason,
  Task,
  TaskType,
} from '@sarnakh/core';
export { pluginTrpc, badRequest, leadFailureToError } from '@sarnakh/api';
export type { PluginServices, PluginJobQueue, JobInfo } from '@sarnakh/api';
export type { JobContext } from '@sarnakh/jobs';

/** One migration of the plugin's own tables. Runs on the database without name mapping (snake_case). */
export interface PluginMigration {
  // Kysely's own Migration uses `Kysely<any>`: a migration runs before any typed schema exists.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>): Promise<void>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  down?(db: Kysely<any>): Promise<void>;
}

/**
 * The plugin's migrations by name; they run in name order (`0001_inbox`, `0002_lines`), after
 * core's, under the same lock, with a history table of the plugin's own. Never edit a shipped one.
 */
export type PluginMigrations = Readonly<Record<string, PluginMigration>>;

/** What a plugin's HTTP routes and job handlers get. */
export interface PluginRuntime<Settings> {
  services: PluginServices;
  /** The current validated settings (live: reflects `plugins.updateSettings`). */
  settings(): Settings;
}

/**
 * Raw HTTP routes, mounted at `/api/plugins/<id>/` on a Hono app of their own; they answer 404
 * while the plugin is disabled. For webhooks and uploads: keep high-volume paths here, not in tRPC.
 */
// Method syntax: any plugin's routes fit `SarnakhPlugin` (its settings type is only known per plugin).
export type PluginRoutes<Settings> = { mount(app: Hono, runtime: PluginRuntime<Settings>): void }['mount'];

/** A durable job: its queue is `<plugin id>.<name>`. Handlers must be idempotent (use `job.id`). */
export interface PluginJob<Data, Settings> extends Omit<JobDefinition<Data>, 'handler'> {
  handler(job: JobContext<Data>, runtime: PluginRuntime<Settings>): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PluginJobs<Settings> = Readonly<Record<string, PluginJob<any, Settings>>>;

/**
 * The admin (Vue) half: the module the web app imports for this plugin. It default-exports what
 * `@sarnakh/admin`'s plugin API takes (routes, nav entries, settings page, widgets, lead panels).
 */
export interface PluginAdmin {
  /** A bare module specifier the web app's build can resolve: `@acme/sarnakh-hello/admin`. */
  entry: string;
}

/** A Sarnakh plugin with every part typed. */
export type SarnakhPlugin<
  Id extends string = string,
  S extends SettingsSchema | undefined = SettingsSchema | undefined,
  R extends AnyTRPCRouter | undefined = AnyTRPCRouter | undefined,
> = PluginDefinition<
  Id,
  S,
  PluginMigrations,
  R,
  PluginRoutes<SettingsOf<S>>,
  PluginJobs<SettingsOf<S>>,
  PluginAdmin,
  PluginServices
>;

/**
 * Define a plugin. Checks the id, version and compatibility range at import; the host checks
 * compatibility with the running core at boot and refuses with a message naming both.
 *
 *     export default definePlugin({
 *       id: 'hello',
 *       version: '1.0.0',
 *       compatibility: '^0.1.0',
 *       settings: z.object({ greeting: z.string().default('Salam') }),
 *       provide(ctx) { ctx.register(scorers, helloScorer); },
 *       router: helloRouter,
 *       routes(app, { settings }) { app.get('/greeting', (c) => c.json({ text: settings().greeting })); },
 *     });
 */
export function definePlugin<
  Id extends string,
  S extends SettingsSchema | undefined = undefined,
  R extends AnyTRPCRouter | undefined = undefined,
>(spec: SarnakhPlugin<Id, S, R>): SarnakhPlugin<Id, S, R> {
  return defineCorePlugin(spec);
}
