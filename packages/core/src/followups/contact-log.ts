import { leadScope, type Actor } from '../auth/roles.js';
import { fieldError } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import type { Activity } from '../lead/activity.js';
import type { LeadEventSink } from '../lead/ingest.js';
import type { Lead, LeadWritable } from '../lead/lead.js';
import type { LeadStore, PicklistSource } from '../lead/ports.js';
import type { LeadService } from '../lead/service.js';
import { checkPicklistValue } from '../picklists/picklist.js';
import { err, ok, type Result } from '../result.js';
import { rescoreInTransaction } from '../scoring/rescore.js';
import type { ScoringRules } from '../scoring/rules.js';
import { firstResponseRecorder } from '../sla/first-response.js';
import type { SlaSettingsStore } from '../sla/ports.js';
import { emitAll, type FollowUpEvent } from './events.js';
import type { FollowUpFailure } from './failure.js';

export interface ContactLogDeps {
  leads: LeadStore;
  /** Notes go through the lead service's `logActivity`, like any plugin's activity. */
  leadService: Pick<LeadService, 'logActivity'>;
  picklists: PicklistSource;
  sla: SlaSettingsStore;
  rules?: () => ScoringRules | Promise<ScoringRules>;
  events?: LeadEventSink;
  now?: () => Date;
}

export interface CallInput {
  leadId: string;
  /** A `lastContactResult` picklist key. */
  result: string;
  note?: string | null | undefined;
  /** When the call happened; default now. */
  at?: Date | undefined;
}

/** How far in the future a logged call may claim to be (clock skew between devices). */
const FUTURE_SKEW_MS = 5 * 60_000;

export type Logged = Result<{ lead: Lead; activity: Activity }, FollowUpFailure>;

/** Notes and calls on a lead's timeline; each answers the lead (the SLA's first response). */
export function createContactLog(deps: ContactLogDeps) {
  const now = deps.now ?? (() => new Date());

  return {
    async addNote(actor: Actor, input: { leadId: string; body: string }): Promise<Logged> {
      const logged = await deps.leadService.logActivity(actor, input.leadId, { type: 'note', data: { body: input.body } });
      if (logged.ok) return logged;
      return err(logged.error.code === 'FORBIDDEN' ? logged.error : { code: 'NOT_FOUND', entity: 'lead', id: input.leadId });
    },

    /**
     * A call: on the timeline, as the lead's last contact (date and result, unless a later contact
     * is already recorded) with a version bump, and as its first response if it is the first.
     */
    async logCall(actor: Actor, input: CallInput, locale?: Locale): Promise<Logged> {
      const picklists = await deps.picklists.load();
      const check = checkPicklistValue(picklists.lastContactResult, input.result);
      if (check !== 'ok') return err({ code: 'VALIDATION', fields: [fieldError('result', check, locale)] });
      const written = now();
      const at = input.at ?? written;
      if (at.getTime() > written.getTime() + FUTURE_SKEW_MS) {
        return err({ code: 'VALIDATION', fields: [fieldError('at', 'out_of_range', locale)] });
      }
      const respond = firstResponseRecorder(await deps.sla.load());
      const rules = (await deps.rules?.()) ?? null;
      const outcome = await deps.leads.transaction(async (tx) => {
        const [current] = await tx.lock(leadScope(actor), [input.leadId]);
        if (!current) return err({ code: 'NOT_FOUND' as const, entity: 'lead' as const, id: input.leadId });
        if (at.getTime() < current.createdAt.getTime()) {
          return err({ code: 'VALIDATION' as const, fields: [fieldError('at', 'out_of_range', locale)] });
        }
        const latest = current.lastContactAt === null || current.lastContactAt.getTime() <= at.getTime();
        const changes: Partial<LeadWritable> = latest ? { lastContactAt: at, lastContactResult: input.result } : {};
        let lead = latest ? await tx.update(current.id, changes, written) : current;
        const [activity] = await tx.recordActivities([
          { leadId: current.id, actorId: actor.userId, at, type: 'call', data: { result: input.result, note: input.note?.trim() || null } },
        ]);
        lead = await respond(tx, lead, [activity!]);
        const scored = rules ? await rescoreInTransaction(tx, [lead], rules, written) : { leads: [lead], qualified: [] };
        return ok({ lead: scored.leads[0]!, activity: activity!, changes, before: current, qualified: scored.qualified });
      });
      if (!outcome.ok) return outcome;
      const { lead, activity, changes, before, qualified } = outcome.value;
      const base = { lead, actorId: actor.userId, at: written };
      const events: FollowUpEvent[] = [];
      if (Object.keys(changes).length > 0) {
        const fieldChanges = Object.fromEntries(
          Object.entries(changes).map(([key, to]) => [key, { from: before[key as keyof LeadWritable], to }]),
        );
        events.push({ name: 'lead.updated', payload: { ...base, changes: fieldChanges } });
      }
      events.push({ name: 'activity.logged', payload: { ...base, activity } });
      for (const change of qualified) events.push({ name: 'lead.qualified', payload: { ...base, lead: change.lead, from: change.from, to: change.to } });
      await emitAll(deps.events, events);
      return ok({ lead, activity });
    },
  };
}

export type ContactLog = ReturnType<typeof createContactLog>;
