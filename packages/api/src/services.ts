import {
  createLeadService,
  distributionStrategies,
  scorers,
  type LeadService,
  type PluginHost,
  type ScoringService,
  type PluginLogger,
} from '@sarnakh/core';
import {
  createActivityReader,
  createCustomFieldSource,
  createLeadStore,
  createPicklistSource,
  createUserDirectory,
  createUserRepository,
  type Database,
} from '@sarnakh/db';
import { createAuth, type Auth, type AuthOptions } from './auth.js';
import { createRuleDistributor } from './distribution.js';
import { createPluginPlatform, type JobQueue, type PluginPlatform } from './plugin-services.js';
import { createScoringWiring } from './scoring.js';

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
}

export interface ServicesOptions {
  database: Database;
  auth: Omit<AuthOptions, 'database'>;
  /** The plugin host: its hooks get the lead events, its registry gives scorers and strategies. */
  host: PluginHost;
  logger: PluginLogger;
  jobs?: JobQueue | null;
  onPluginEnabledChange?: (pluginId: string, enabled: boolean) => Promise<void>;
}

export function createServices(options: ServicesOptions): Services {
  const { database, host, logger } = options;
  const { db } = database;
  const picklists = createPicklistSource(db);
  const enabledOnly = { enabledOnly: host.isEnabled };
  const scoring = createScoringWiring({ database, picklists, scorers: () => host.registry.getAll(scorers, enabledOnly), events: host.hooks, logger });
  const leads = createLeadService({
    leads: createLeadStore(db),
    users: createUserDirectory(db),
    picklists,
    customFields: createCustomFieldSource(),
    scorers: () => host.registry.getAll(scorers, enabledOnly),
    thresholds: scoring.thresholds,
    rules: scoring.rules,
    strategies: () => host.registry.getAll(distributionStrategies, enabledOnly),
    distribute: createRuleDistributor(db, logger),
    events: host.hooks,
    onScorerError: ({ scorer, error }) => logger.error('scorer failed; the lead was scored without it', { scorer, error }),
  });
  return {
    database,
    auth: createAuth({ ...options.auth, database }),
    leads,
    scoring: scoring.service,
    users: createUserRepository(db),
    activities: createActivityReader(db),
    picklists,
    plugins: createPluginPlatform({
      host,
      database,
      leads,
      logger,
      jobs: options.jobs ?? null,
      ...(options.onPluginEnabledChange ? { onEnabledChange: options.onPluginEnabledChange } : {}),
    }),
  };
}
