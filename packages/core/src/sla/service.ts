import type { FieldError } from '../errors.js';
import type { DistributionStrategy } from '../extensions/points.js';
import { emitAll, type FollowUpEvent } from '../followups/events.js';
import type { FollowUpStore } from '../followups/ports.js';
import type { Locale } from '../i18n/locales.js';
import type { Assignment, LeadEventSink } from '../lead/ingest.js';
import type { Lead } from '../lead/lead.js';
import type { LeadStore, PicklistSource } from '../lead/ports.js';
import type { NewNotification } from '../notifications/notification.js';
import type { Result } from '../result.js';
import { rescoreInTransaction } from '../scoring/rescore.js';
import type { ScoringRules } from '../scoring/rules.js';
import { addBusinessMinutes } from './calendar.js';
import type { SlaSettingsStore, SlaStore } from './ports.js';
import { calendarOf, slaTargetFor, validateSlaSettings, type SlaSettings } from './settings.js';

/** Redistribution of a lead whose response deadline passed, without its owner. */
export interface SlaReassignment {
  /** Whether the distribution settings ask for it (`reassignOnSlaBreach`). */
  enabled(): Promise<boolean>;
  distribute(lead: Lead, strategies: readonly DistributionStrategy[], options: { exclude: readonly string[] }): Promise<Assignment | null>;
  strategies(): readonly DistributionStrategy[];
}

export interface SlaServiceDeps {
  settings: SlaSettingsStore;
  store: SlaStore;
  followUps: FollowUpStore;
  leads: LeadStore;
  picklists: PicklistSource;
  reassignment?: SlaReassignment;
  rules?: () => ScoringRules | Promise<ScoringRules>;
  events?: LeadEventSink;
  /** Told when a breached lead could not be redistributed (nobody else eligible, or it failed). */
  onReassignSkipped?: (leadId: string, reason: string) => void;
  now?: () => Date;
}

export interface SweepReport {
  armed: number;
  breached: number;
  reassigned: number;
}

/** Leads armed and deadlines checked per sweep; the rest wait for the next minute's. */
const BATCH = 500;

/**
 * The response-time SLA: each new lead gets a deadline in business time after capture; the first
 * call, note or message meets it; a sweep every minute breaches the leads whose deadline passed —
 * once each — notifying the owner and the managers, and may hand the lead to someone else.
 */
export function createSlaService(deps: SlaServiceDeps) {
  const now = deps.now ?? (() => new Date());

  /** Give new leads their deadline: business minutes of their target after capture. */
  async function arm(settings: SlaSettings): Promise<number> {
    const leads = await deps.store.unarmed(BATCH);
    const calendar = calendarOf(settings);
    await deps.store.arm(
      leads.map((lead) => {
        const target = slaTargetFor(lead, settings);
        return { id: lead.id, policy: target.policy, dueAt: settings.enabled ? addBusinessMinutes(lead.createdAt, target.minutes, calendar) : null };
      }),
    );
    return leads.length;
  }

  async function breach(id: string, managers: readonly string[], at: Date): Promise<Lead | null> {
    const events: FollowUpEvent[] = [];
    const lead = await deps.followUps.transaction(async (tx) => {
      const claimed = await tx.sla.claimBreach(id, at);
      if (!claimed) return null;
      const [current] = await tx.leads.lock({ kind: 'all' }, [id]);
      if (!current) return null;
      const dueAt = claimed.dueAt.toISOString();
      const [activity] = await tx.leads.recordActivities([
        { leadId: id, actorId: null, at, type: 'sla_breached', data: { policy: claimed.policy, dueAt, ownerId: current.ownerId } },
      ]);
      const recipients = [...new Set([...(current.ownerId ? [current.ownerId] : []), ...managers])];
      const notices: NewNotification[] = recipients.map((userId) => ({
        userId,
        type: 'lead.slaBreached',
        leadId: id,
        taskId: null,
        // `title` names the lead, as a reminder's names its task: the app shows either the same way.
        data: { policy: claimed.policy, dueAt, ownerId: current.ownerId, title: [current.firstName, current.lastName].filter(Boolean).join(' ') || current.company },
        createdAt: at,
        dedupKey: `lead.slaBreached:${id}:${userId}`,
      }));
      const notifications = await tx.notify(notices);
      events.push(
        { name: 'lead.slaBreached', payload: { lead: current, actorId: null, at, policy: claimed.policy, dueAt: claimed.dueAt, from: 'pending', to: 'breached' } },
        { name: 'activity.logged', payload: { lead: current, actorId: null, at, activity: activity! } },
        ...notifications.map((notification) => ({ name: 'notification.created' as const, payload: { notification, at } })),
      );
      return current;
    });
    if (lead) await emitAll(deps.events, events);
    return lead;
  }

  /** Hand a breached lead to someone else by the assignment rules, recording why on its timeline. */
  async function reassign(lead: Lead, at: Date): Promise<boolean> {
    const reassignment = deps.reassignment;
    if (!reassignment || !(await reassignment.enabled())) return false;
    const exclude = lead.ownerId ? [lead.ownerId] : [];
    const assignment = await reassignment.distribute(lead, reassignment.strategies(), { exclude });
    if (!assignment) {
      deps.onReassignSkipped?.(lead.id, 'nobody else is eligible');
      return false;
    }
    const rules = (await deps.rules?.()) ?? null;
    const events: FollowUpEvent[] = [];
    const done = await deps.leads.transaction(async (tx) => {
      const [current] = await tx.lock({ kind: 'all' }, [lead.id]);
      // Someone assigned it in the meantime: their decision stands.
      if (!current || current.ownerId !== lead.ownerId) return false;
      const updated = await tx.update(current.id, { ownerId: assignment.ownerId }, at);
      const [activity] = await tx.recordActivities([
        {
          leadId: current.id,
          actorId: null,
          at,
          type: 'assigned',
          data: { from: current.ownerId, to: assignment.ownerId, via: { ...assignment.reason, trigger: 'sla_breach' } },
        },
      ]);
      const scored = rules ? await rescoreInTransaction(tx, [updated], rules, at) : { leads: [updated], qualified: [] };
      const final = scored.leads[0]!;
      events.push({ name: 'lead.assigned', payload: { lead: final, actorId: null, at, from: current.ownerId, to: assignment.ownerId } });
      events.push({ name: 'activity.logged', payload: { lead: final, actorId: null, at, activity: activity! } });
      for (const change of scored.qualified) events.push({ name: 'lead.qualified', payload: { lead: change.lead, actorId: null, at, from: change.from, to: change.to } });
      return true;
    });
    if (done) await emitAll(deps.events, events);
    return done;
  }

  return {
    getSettings(): Promise<SlaSettings> {
      return deps.settings.load();
    },

    /** Validate and save; deadlines already set stay, new leads get the new ones. */
    async setSettings(raw: unknown, locale?: Locale): Promise<Result<SlaSettings, FieldError[]>> {
      const checked = validateSlaSettings(raw, await deps.picklists.load(), locale);
      if (checked.ok) await deps.settings.save(checked.value);
      return checked;
    },

    /** One run of the every-minute job: set new deadlines, then breach the passed ones. */
    async sweep(): Promise<SweepReport> {
      const at = now();
      const settings = await deps.settings.load();
      await deps.store.settleClosed();
      const armed = await arm(settings);
      const due = await deps.store.due(at, BATCH);
      const managers = due.length > 0 ? await deps.store.managerIds() : [];
      let breached = 0;
      let reassigned = 0;
      for (const id of due) {
        const lead = await breach(id, managers, at);
        if (!lead) continue;
        breached++;
        try {
          if (await reassign(lead, at)) reassigned++;
        } catch (error) {
          deps.onReassignSkipped?.(lead.id, error instanceof Error ? error.message : String(error));
        }
      }
      return { armed, breached, reassigned };
    },
  };
}

export type SlaService = ReturnType<typeof createSlaService>;
