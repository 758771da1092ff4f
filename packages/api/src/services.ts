import {
  createLeadService,
  distributionStrategies,
  fieldTypes,
  scorers,
  type LeadService,
  type PluginHost,
  type ScoringService,
  type PluginLogger,
  type TemplateService,
  type MergeService,
  type ConversionService,
} from '@sarnakh/core';
import {
  createActivityReader,
  createCustomFieldSource,
  createDistributionRulesRepository,
  createLayoutRepository,
  createLeadBatchStore,
  createLeadStore,
  createPicklistSource,
  createUserDirectory,
  createUserRepository,
  type Database,
} from '@sarnakh/db';
import { createAuth, type Auth, type AuthOptions } from './auth.js';
import { sessionUser } from './context.js';
import { createRuleDistributor } from './distribution.js';
import { createFollowUpWiring, firstResponseWiring, type FollowUpServices } from './follow-ups.js';
import { createPluginPlatform, type JobQueue, type PluginPlatform } from './plugin-services.js';
import { createRecordWiring, type RecordServices } from './records.js';
import { createScoringWiring } from './scoring.js';
import { createTemplateWiring } from './templates.js';
import { createMergeWiring } from './merges.js';

/** Everything a procedure needs, wired once per process over one database. */
export interface Services {
  database: Database;
  auth: Auth;
  leads: LeadService;
  scoring: ScoringService;
  users: ReturnType<typeof createUserRepository>;
  activities: ReturnType<typeof createActivityReader>;
  picklists: ReturnType<typeof createPicklistSource>;
  plugins: PluginPlatform;
  templates: TemplateService;
  /** Duplicates, merges and unmerges. */
  merges: MergeService;
  /** Organizations, contacts and opportunities. */
  records: RecordServices;
  conversion: ConversionService;
  /** Notes, calls, tasks, reminders, notifications and the response-time SLA. */
  followUps: FollowUpServices;
  /** The clock every service here runs on: the real one, or a test's (see `ServicesOptions.now`). */
  now: () => Date;
}

export interface ServicesOptions {
  database: Database;
  auth: Omit<AuthOptions, 'database'>;
  /** The plugin host: its hooks get the lead events, its registry gives scorers and strategies. */
  host: PluginHost;
  logger: PluginLogger;
  jobs?: JobQueue | null;
  /** Where plugins keep their files (see `PluginServices.dataDir`). */
  filesDir?: string;
  onPluginEnabledChange?: (pluginId: string, enabled: boolean) => Promise<void>;
  /** The clock of lead changes, tasks and the SLA (tests move it instead of waiting). */
  now?: () => Date;
}

export function createServices(options: ServicesOptions): Services {
  const { database, host, logger } = options;
  const { db } = database;
  const picklists = createPicklistSource(db);
  const enabledOnly = { enabledOnly: host.isEnabled };
  const scoring = createScoringWiring({ database, picklists, scorers: () => host.registry.getAll(scorers, enabledOnly), events: host.hooks, logger });
  const leads = createLeadService({
    leads: createLeadStore(db),
    batches: createLeadBatchStore(db),
    users: createUserDirectory(db),
    picklists,
    customFields: createCustomFieldSource(db),
    fieldTypes: () => host.registry.getAll(fieldTypes, enabledOnly),
    layouts: createLayoutRepository(db),
    scorers: () => host.registry.getAll(scorers, enabledOnly),
    thresholds: scoring.thresholds,
    rules: scoring.rules,
    strategies: () => host.registry.getAll(distributionStrategies, enabledOnly),
    distribute: createRuleDistributor(db, logger),
    distributionRules: () => createDistributionRulesRepository(db).get(),
    events: host.hooks,
    onScorerError: ({ scorer, error }) => logger.error('scorer failed; the lead was scored without it', { scorer, error }),
    firstResponse: firstResponseWiring(database),
    ...(options.now ? { now: options.now } : {}),
  });
  const auth = createAuth({ ...options.auth, database });
  const templates = createTemplateWiring(database, picklists);
  return {
    database,
    auth,
    now: options.now ?? (() => new Date()),
    leads,
    scoring: scoring.service,
    users: createUserRepository(db),
    activities: createActivityReader(db),
    picklists,
    templates,
    merges: createMergeWiring(database, { leads, rules: scoring.rules, events: host.hooks }),
    followUps: createFollowUpWiring({ database, host, logger, picklists, leads, rules: scoring.rules, ...(options.now ? { now: options.now } : {}) }),
    ...createRecordWiring({ database, host, logger, picklists }),
    plugins: createPluginPlatform({
      host,
      database,
      leads,
      templates,
      logger,
      jobs: options.jobs ?? null,
      sessionUser: (headers) => sessionUser(auth, headers),
      ...(options.filesDir ? { filesDir: options.filesDir } : {}),
      ...(options.onPluginEnabledChange ? { onEnabledChange: options.onPluginEnabledChange } : {}),
    }),
  };
}
