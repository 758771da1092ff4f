import {
  createContactLog,
  createReminderSweep,
  createSlaService,
  createTaskService,
  createUrgentTaskOnSql,
  distributionStrategies,
  firstResponseRecorder,
  type ContactLog,
  type FirstResponseRecorder,
  type FollowUpFailure,
  type Result,
  type LeadService,
  type NotificationStore,
  type PicklistSource,
  type PluginHost,
  type PluginLogger,
  type ScoringRules,
  type SlaService,
  type TaskService,
} from '@sarnakh/core';
import {
  createDistributionRulesRepository,
  createFollowUpStore,
  createLeadStore,
  createNotificationStore,
  createSlaSettingsStore,
  createSlaStore,
  createTaskStore,
  createUserDirectory,
  type Database,
} from '@sarnakh/db';
import { TRPCError } from '@trpc/server';
import { createRuleDistributor } from './distribution.js';
import { badRequest } from './errors.js';

/** The durable jobs of follow-ups: each runs every minute (and on demand in tests). */
export const TASK_REMINDERS_JOB = 'core.task-reminders';
export const SLA_SWEEP_JOB = 'core.sla-sweep';

/** Notes and calls, tasks and their reminders, notifications, and the response-time SLA. */
export interface FollowUpServices {
  contacts: ContactLog;
  tasks: TaskService;
  notifications: NotificationStore;
  sla: SlaService;
  /** One run of the reminder job: notify assignees of the reminders that came due. */
  sendDueReminders(): Promise<{ sent: number }>;
}

/** The SLA's first-response recorder for the lead service, over the stored settings. */
export function firstResponseWiring(database: Database): () => Promise<FirstResponseRecorder> {
  const settings = createSlaSettingsStore(database.db);
  return async () => firstResponseRecorder(await settings.load());
}

export interface FollowUpWiringOptions {
  database: Database;
  host: PluginHost;
  logger: PluginLogger;
  picklists: PicklistSource;
  leads: LeadService;
  rules: () => Promise<ScoringRules>;
  now?: () => Date;
}

export function createFollowUpWiring(options: FollowUpWiringOptions): FollowUpServices {
  const { database, host, logger, picklists, rules } = options;
  const { db } = database;
  const now = options.now ?? (() => new Date());
  const events = host.hooks;
  const leadStore = createLeadStore(db);
  const followUps = createFollowUpStore(db);
  const taskStore = createTaskStore(db);
  const slaSettings = createSlaSettingsStore(db);
  const distribution = createDistributionRulesRepository(db);

  const tasks = createTaskService({
    followUps,
    tasks: taskStore,
    leads: leadStore,
    users: createUserDirectory(db),
    timeZone: async () => (await slaSettings.load()).timeZone,
    events,
    now,
  });

  const urgentTask = createUrgentTaskOnSql({
    tasks,
    store: taskStore,
    rules,
    now,
    onError: (leadId, reason) => logger.warn('urgent task for a hot lead was not created', { leadId, reason }),
  });
  // Core's own handlers (not a plugin's): the host always runs them.
  events.on('lead.qualified', urgentTask, { pluginId: 'core.tasks' });
  events.on('lead.created', ({ lead }) => urgentTask({ lead, to: lead.qualification }), { pluginId: 'core.tasks' });

  const distribute = createRuleDistributor(db, logger);
  return {
    contacts: createContactLog({ leads: leadStore, leadService: options.leads, picklists, sla: slaSettings, rules, events, now }),
    tasks,
    notifications: createNotificationStore(db),
    sla: createSlaService({
      settings: slaSettings,
      store: createSlaStore(db),
      followUps,
      leads: leadStore,
      picklists,
      rules,
      events,
      now,
      reassignment: {
        enabled: async () => (await distribution.get()).reassignOnSlaBreach === true,
        distribute: (lead, strategies, { exclude }) => distribute(lead, strategies, { exclude }),
        strategies: () => host.registry.getAll(distributionStrategies, { enabledOnly: host.isEnabled }),
      },
      onReassignSkipped: (leadId, reason) => logger.warn('lead not reassigned after its response deadline passed', { leadId, reason }),
    }),
    sendDueReminders: createReminderSweep({ followUps, tasks: taskStore, events, now }),
  };
}

/** A follow-up operation's value, or its failure as the transport's error. */
export function unwrapFollowUp<T>(result: Result<T, FollowUpFailure>): T {
  if (result.ok) return result.value;
  const failure = result.error;
  switch (failure.code) {
    case 'VALIDATION':
      throw badRequest(failure.fields);
    case 'NOT_FOUND':
      throw new TRPCError({ code: 'NOT_FOUND', message: `${failure.entity === 'lead' ? 'Lead' : 'Task'} ${failure.id} was not found.` });
    case 'FORBIDDEN':
      throw new TRPCError({ code: 'FORBIDDEN', message: `Not allowed: ${failure.reason}.` });
  }
}
