import { canAssignToOthers, leadScope, type Actor } from '../auth/roles.js';
import { fieldError, type LeadFailure } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import { checkPicklistValue } from '../picklists/picklist.js';
import type { LeadEvents } from '../plugins/hooks.js';
import { err, ok, type Result } from '../result.js';
import type { Activity, ActivityData, FieldChanges, LeadOrigin, NewActivity } from './activity.js';
import type { QualificationChange } from '../scoring/ports.js';
import { defaultQualificationThresholds } from '../scoring/qualification.js';
import { rescoreInTransaction } from '../scoring/rescore.js';
import type { ScoringRules } from '../scoring/rules.js';
import type { FirstResponseRecorder } from '../sla/first-response.js';
import { createIngest, scoreLead, type IngestDeps, type IngestOutcome, type IngestRequest } from './ingest.js';
import { createBatchIngest, createBatchRevert, type BatchIngestRequest, type BatchRevertRequest, type BatchWritten, type LeadBatchStore } from './ingest-batch.js';
import type { Lead, LeadWritable } from './lead.js';
import { checkOwner } from './owner.js';
import type { CustomFieldSource, LeadMarkers, LeadStore, LeadTransaction, PicklistSource, UserDirectory } from './ports.js';
import { prepareLeadPatch, type PrepareContext } from './prepare.js';
import { resolveLeadListQuery, type LeadListRequest, type LeadPage } from './query.js';
import { createFieldCatalog, type FieldCatalog } from '../fields/catalog.js';
import { defaultLayout, requiredOnCreate } from '../fields/layouts.js';
import type { LayoutSource } from '../fields/ports.js';
import type { FieldType } from '../extensions/points.js';
import type { LeadInput, LeadPatch } from './schema.js';

export interface LeadServiceDeps extends Omit<IngestDeps, 'prepareContext' | 'leads' | 'users'> {
  leads: LeadStore;
  users: UserDirectory;
  picklists: PicklistSource;
  customFields: CustomFieldSource;
  /** Enabled plugins' field types (core's built-ins are always there). */
  fieldTypes?: () => readonly FieldType[];
  /** Saved layouts: the create layout's required fields are enforced on new leads people enter. */
  layouts?: LayoutSource;
  /** Set-based storage for `ingestBatch` and `revertBatch` (imports); without it they throw. */
  batches?: LeadBatchStore;
  /** Records a logged activity that answers the lead as its first response (the SLA clock); read before each transaction. */
  firstResponse?: () => Promise<FirstResponseRecorder>;
}

type EventOf = { [K in keyof LeadEvents & string]: { name: K; payload: LeadEvents[K] } }[keyof LeadEvents & string];

/** The events a committed activity stands for; emitted only after its transaction commits. */
function eventsFor(lead: Lead, activity: Activity): EventOf[] {
  const base = { lead, actorId: activity.actorId, at: activity.at };
  switch (activity.type) {
    case 'updated':
      return [{ name: 'lead.updated', payload: { ...base, changes: activity.data.changes } }];
    case 'stage_changed':
      return [{ name: 'lead.stageChanged', payload: { ...base, from: activity.data.from, to: activity.data.to } }];
    case 'assigned':
      return [{ name: 'lead.assigned', payload: { ...base, from: activity.data.from, to: activity.data.to } }];
    case 'archived':
      return lead.archivedAt ? [{ name: 'lead.archived', payload: { ...base, from: null, to: lead.archivedAt } }] : [];
    default:
      return [];
  }
}

export type LeadResult<T> = Result<T, LeadFailure>;

/** Origins where a person fills in the lead: the app's form and the API. */
const PEOPLE_ORIGINS: ReadonlySet<string> = new Set(['web', 'api']);

/** The lead use cases. Pure orchestration over the storage ports: no SQL, no HTTP. */
export function createLeadService(deps: LeadServiceDeps) {
  const now = deps.now ?? (() => new Date());

  const fieldCatalog = async (): Promise<FieldCatalog> =>
    createFieldCatalog(await deps.customFields.list(), deps.fieldTypes?.() ?? []);

  async function context(locale: Locale | undefined, origin?: LeadOrigin): Promise<PrepareContext> {
    const [picklists, fields] = await Promise.all([deps.picklists.load(), fieldCatalog()]);
    // The create layout is the form people fill in; captures (SMS, web-to-lead, imports) cannot
    // be asked for more than they carry, so only people's entries must satisfy it.
    const entered = origin !== undefined && PEOPLE_ORIGINS.has(origin.channel);
    const layout = entered && deps.layouts ? await deps.layouts.get('create') : null;
    const required = entered ? requiredOnCreate(layout ?? defaultLayout('create', fields)) : [];
    return { picklists, fields, ...(required.length > 0 ? { requiredOnCreate: required } : {}), ...(locale ? { locale } : {}) };
  }

  const ingest = createIngest({ ...deps, prepareContext: context });
  const batches = deps.batches;
  const emitBatch = async (written: BatchWritten, actorId: string | null, at: Date) => {
    for (const lead of written.created) await deps.events?.emit('lead.created', { lead, actorId, at });
    await emitFor(written.leads, written.activities);
    for (const { lead, from, to } of written.qualified) await deps.events?.emit('lead.qualified', { lead, actorId, at, from, to });
  };
  const ingestBatch = batches ? createBatchIngest({ ...deps, batches, prepareContext: context, emit: emitBatch }) : null;
  const revertBatch = batches ? createBatchRevert({ ...deps, batches, emit: emitBatch }) : null;

  /** Tell the plugins, after the commit. A handler's failure is the hook bus's to report. */
  async function emitFor(leads: readonly Lead[], activities: readonly Activity[]): Promise<void> {
    if (!deps.events) return;
    const byId = new Map(leads.map((l) => [l.id, l]));
    for (const activity of activities) {
      const lead = byId.get(activity.leadId);
      if (!lead) continue;
      for (const event of eventsFor(lead, activity)) await deps.events.emit(event.name, event.payload as never);
    }
  }

  /** A mutation's result, with what it wrote for the events. */
  type Written<T> = LeadResult<{
    value: T;
    leads: Lead[];
    activities: Activity[];
    /** Leads whose qualification the change's rescore changed: `lead.qualified` after the commit. */
    qualified?: { changes: QualificationChange[]; actorId: string | null; at: Date };
  }>;
  const unchanged = <T>(value: T): Written<T> => ok({ value, leads: [], activities: [] });

  /** Run a mutation in one transaction, then emit the events of what it committed. */
  async function committed<T>(work: (tx: LeadTransaction) => Promise<Written<T>>): Promise<LeadResult<T>> {
    const result = await deps.leads.transaction(work);
    if (!result.ok) return result;
    await emitFor(result.value.leads, result.value.activities);
    const qualified = result.value.qualified;
    if (qualified && deps.events) {
      for (const { lead, from, to } of qualified.changes) {
        await deps.events.emit('lead.qualified', { lead, actorId: qualified.actorId, at: qualified.at, from, to });
      }
    }
    return ok(result.value.value);
  }

  // --- scoring after changes -----------------------------------------------------------------
  //
  // Every change rescores the leads it touched inside its transaction: fit rules see the new
  // fields, behavior rules the timeline with the change's activities. Plugin scorers may read
  // storage, so they run before the transaction, on the lead as the change will leave it; their
  // points are used only if the lead is still at the version they saw (else the stored ones stay).

  const rulesNow = async (): Promise<ScoringRules | null> => (await deps.rules?.()) ?? null;
  const pluginScorers = () => deps.scorers?.() ?? [];

  /**
   * Plugin scorers' points for a lead as `change` would leave it, with the version of the lead they
   * were computed from (valid only while the lead is still at that version). Null: not known.
   */
  type PluginPoints = { version: number | null; points: number } | null;
  async function pluginPointsAfter(
    load: () => Promise<Lead | null>,
    change: (lead: Lead) => Partial<LeadWritable> | null,
  ): Promise<PluginPoints> {
    const plugins = pluginScorers();
    // No plugin scorer enabled: no plugin points, whatever the lead looks like.
    if (plugins.length === 0) return { version: null, points: 0 };
    const lead = await load();
    if (!lead) return null;
    const changes = change(lead);
    if (!changes) return null;
    const scored = await scoreLead({ ...lead, ...changes }, plugins, defaultQualificationThresholds);
    for (const failure of scored.failed) deps.onScorerError?.(failure);
    return { version: lead.version, points: scored.score };
  }

  /** The plugin points to use for a lead locked at `before`: the prediction, if it saw that version. */
  const pluginScoresFor = (before: Lead, plugin: PluginPoints): Map<string, number> =>
    new Map(plugin && (plugin.version === null || plugin.version === before.version) ? [[before.id, plugin.points]] : []);

  /** Rescore leads as written in `tx`; `qualified` for the result. */
  async function rescored(
    tx: LeadTransaction,
    leads: readonly Lead[],
    rules: ScoringRules | null,
    actorId: string | null,
    at: Date,
    pluginScores?: ReadonlyMap<string, number>,
  ): Promise<{ leads: Lead[]; qualified: { changes: QualificationChange[]; actorId: string | null; at: Date } }> {
    if (!rules || leads.length === 0) return { leads: [...leads], qualified: { changes: [], actorId, at } };
    const result = await rescoreInTransaction(tx, leads, rules, at, pluginScores);
    return { leads: result.leads, qualified: { changes: result.qualified, actorId, at } };
  }

  /** Lock every id in scope, or fail naming the first one that is missing or out of scope. */
  async function lockAll(tx: LeadTransaction, actor: Actor, ids: readonly string[]): Promise<LeadResult<Lead[]>> {
    const unique = [...new Set(ids)];
    const locked = await tx.lock(leadScope(actor), unique);
    const byId = new Map(locked.map((l) => [l.id, l]));
    const missing = unique.find((id) => !byId.has(id));
    if (missing !== undefined) return err({ code: 'NOT_FOUND', id: missing });
    const merged = locked.find((l) => l.mergedIntoId !== null);
    if (merged) return err({ code: 'MERGED', id: merged.id, into: merged.mergedIntoId! });
    return ok(unique.map((id) => byId.get(id)!));
  }

  /** Activities that describe a set of field changes, for the lead's timeline. */
  function activitiesFor(lead: Lead, changes: Partial<LeadWritable>, actor: Actor, at: Date): NewActivity[] {
    const base = { leadId: lead.id, actorId: actor.userId, at };
    const fieldChanges: FieldChanges = {};
    for (const [key, to] of Object.entries(changes) as [keyof LeadWritable, unknown][]) {
      fieldChanges[key] = { from: lead[key], to };
    }
    const out: NewActivity[] = [{ ...base, type: 'updated', data: { changes: fieldChanges } }];
    if (changes.stage !== undefined) {
      out.push({ ...base, type: 'stage_changed', data: { from: lead.stage, to: changes.stage } });
    }
    if (changes.ownerId !== undefined) {
      out.push({ ...base, type: 'assigned', data: { from: lead.ownerId, to: changes.ownerId } });
    }
    return out;
  }

  return {
    /** What normalizing and validating an edit needs now (picklists, field definitions), for other use cases (merges). */
    prepareContext: (locale?: Locale): Promise<PrepareContext> => context(locale),

    /** Run one submission through the ingest pipeline (the API's `leads.create`, capture, SMS, imports). */
    ingest(request: IngestRequest): Promise<LeadResult<IngestOutcome>> {
      return ingest(request);
    },

    /** Many rows through the pipeline's rules at once, set-based (spreadsheet imports): see `createBatchIngest`. */
    ingestBatch(request: BatchIngestRequest) {
      if (!ingestBatch) throw new Error('ingestBatch needs the `batches` storage');
      return ingestBatch(request);
    },

    /** Undo batches: delete the leads they created, restore what they updated, where untouched since. */
    revertBatch(request: BatchRevertRequest) {
      if (!revertBatch) throw new Error('revertBatch needs the `batches` storage');
      return revertBatch(request);
    },

    /** Create a lead from the web app or API, duplicates allowed (`leads.create` picks its own policy via `ingest`). */
    async create(actor: Actor, input: LeadInput, locale?: Locale): Promise<LeadResult<Lead>> {
      const result = await ingest({ input, actor, duplicatePolicy: 'create', origin: { channel: 'api' }, ...(locale ? { locale } : {}) });
      return result.ok ? ok(result.value.lead) : result;
    },

    async get(actor: Actor, id: string): Promise<LeadResult<Lead>> {
      const lead = await deps.leads.get(leadScope(actor), id);
      return lead ? ok(lead) : err({ code: 'NOT_FOUND', id });
    },

    /** A page of leads in the actor's scope; `where` and the sort are checked against the fields in force. */
    async list(actor: Actor, request: LeadListRequest, locale?: Locale): Promise<LeadResult<LeadPage>> {
      const query = resolveLeadListQuery(request, await fieldCatalog(), locale);
      if (!query.ok) return err({ code: 'VALIDATION', fields: query.error });
      return ok(await deps.leads.list(leadScope(actor), query.value));
    },

    /** The fields in force: active definitions and the enabled field types, with path resolution. */
    fieldCatalog,

    async update(
      actor: Actor,
      id: string,
      version: number,
      patch: LeadPatch,
      locale?: Locale,
    ): Promise<LeadResult<Lead>> {
      const ctx = await context(locale);
      // The new owner is checked before the transaction: inside it, only `tx` may touch storage
      // (on the embedded database any other query would wait for the transaction to end).
      if (patch.ownerId !== undefined) {
        const ownerId = typeof patch.ownerId === 'string' ? patch.ownerId.trim() || null : null;
        const ownerProblem = await checkOwner(deps.users, actor, ownerId, locale);
        if (ownerProblem) return err(ownerProblem);
      }
      const rules = await rulesNow();
      const plugin = rules
        ? await pluginPointsAfter(
            () => deps.leads.get(leadScope(actor), id),
            (lead) => {
              if (lead.version !== version) return null;
              const prepared = prepareLeadPatch(lead, patch, ctx);
              return prepared.ok ? prepared.value : null;
            },
          )
        : null;
      return committed(async (tx): Promise<Written<Lead>> => {
        const locked = await lockAll(tx, actor, [id]);
        if (!locked.ok) return locked;
        const current = locked.value[0]!;
        if (current.version !== version) return err({ code: 'CONFLICT', id, currentVersion: current.version });
        const prepared = prepareLeadPatch(current, patch, ctx);
        if (!prepared.ok) return err({ code: 'VALIDATION', fields: prepared.error });
        const changes = prepared.value;
        if (Object.keys(changes).length === 0) return unchanged(current);
        const at = now();
        const updated = await tx.update(id, changes, at);
        const activities = await tx.recordActivities(activitiesFor(current, changes, actor, at));
        const scored = await rescored(tx, [updated], rules, actor.userId, at, pluginScoresFor(current, plugin));
        return ok({ value: scored.leads[0]!, leads: scored.leads, activities, qualified: scored.qualified });
      });
    },

    async setStage(actor: Actor, id: string, stage: string, locale?: Locale): Promise<LeadResult<Lead>> {
      const picklists = await deps.picklists.load();
      const check = checkPicklistValue(picklists.stage, stage);
      if (check !== 'ok') return err({ code: 'VALIDATION', fields: [fieldError('stage', check, locale)] });
      const rules = await rulesNow();
      const plugin = rules
        ? await pluginPointsAfter(
            () => deps.leads.get(leadScope(actor), id),
            (lead) => (lead.stage === stage ? null : { stage }),
          )
        : null;
      return committed(async (tx): Promise<Written<Lead>> => {
        const locked = await lockAll(tx, actor, [id]);
        if (!locked.ok) return locked;
        const current = locked.value[0]!;
        if (current.stage === stage) return unchanged(current);
        const at = now();
        const updated = await tx.update(id, { stage }, at);
        const activities = await tx.recordActivities([
          { leadId: id, actorId: actor.userId, at, type: 'stage_changed', data: { from: current.stage, to: stage } },
        ]);
        const scored = await rescored(tx, [updated], rules, actor.userId, at, pluginScoresFor(current, plugin));
        return ok({ value: scored.leads[0]!, leads: scored.leads, activities, qualified: scored.qualified });
      });
    },

    /** Give leads to one owner (or none): all of them, or none when any is missing or out of scope. */
    async assign(actor: Actor, ids: readonly string[], ownerId: string | null, locale?: Locale): Promise<LeadResult<Lead[]>> {
      if (!canAssignToOthers(actor) && ownerId !== actor.userId) {
        return err({ code: 'FORBIDDEN', reason: 'agents cannot assign leads to others' });
      }
      const ownerProblem = await checkOwner(deps.users, actor, ownerId, locale);
      if (ownerProblem) return err(ownerProblem);
      const rules = await rulesNow();
      return committed(async (tx): Promise<Written<Lead[]>> => {
        const locked = await lockAll(tx, actor, ids);
        if (!locked.ok) return locked;
        const at = now();
        const out: Lead[] = [];
        const changed: Lead[] = [];
        for (const lead of locked.value) {
          if (lead.ownerId === ownerId) {
            out.push(lead);
            continue;
          }
          const updated = await tx.update(lead.id, { ownerId }, at);
          out.push(updated);
          changed.push(updated);
        }
        const activities = await tx.recordActivities(
          locked.value
            .filter((lead) => lead.ownerId !== ownerId)
            .map((lead) => ({ leadId: lead.id, actorId: actor.userId, at, type: 'assigned', data: { from: lead.ownerId, to: ownerId } })),
        );
        const scored = await rescored(tx, changed, rules, actor.userId, at);
        const final = replaceById(out, scored.leads);
        return ok({ value: final, leads: final, activities, qualified: scored.qualified });
      });
    },

    archive(actor: Actor, ids: readonly string[]): Promise<LeadResult<Lead[]>> {
      return setArchived(actor, ids, true);
    },

    unarchive(actor: Actor, ids: readonly string[]): Promise<LeadResult<Lead[]>> {
      return setArchived(actor, ids, false);
    },

    logActivity,

    /**
     * Score leads again now — fields, timeline and plugin scorers — and store what changed, with
     * `lead.qualified` for each qualification that moved. For changes made outside this service
     * (activities a feature or plugin logged, a plugin scorer whose answer changed). Ids that name
     * no lead are skipped.
     */
    async rescore(ids: readonly string[], actorId: string | null = null): Promise<LeadResult<Lead[]>> {
      const rules = await rulesNow();
      const unique = [...new Set(ids)];
      const predicted = new Map<string, PluginPoints>();
      if (rules) {
        for (const id of unique) predicted.set(id, await pluginPointsAfter(() => deps.leads.get({ kind: 'all' }, id), () => ({})));
      }
      return committed(async (tx): Promise<Written<Lead[]>> => {
        const locked = await tx.lock({ kind: 'all' }, unique);
        const pluginScores = new Map(locked.flatMap((lead) => [...pluginScoresFor(lead, predicted.get(lead.id) ?? null)]));
        const scored = await rescored(tx, locked, rules, actorId, now(), pluginScores);
        return ok({ value: scored.leads, leads: [], activities: [], qualified: scored.qualified });
      });
    },
  };

  /**
   * Add an activity to a lead's timeline on behalf of a feature or plugin (an SMS, a call), in one
   * transaction with the lead's rescore (behavior rules count it); `activity.logged`, and
   * `lead.qualified` if the qualification moved, follow the commit. `actor` null: the system, which
   * sees every lead; a user only the leads in their scope.
   */
  async function logActivity(
    actor: Actor | null,
    leadId: string,
    entry: ActivityData,
  ): Promise<LeadResult<{ lead: Lead; activity: Activity }>> {
    const rules = await rulesNow();
    const respond = await deps.firstResponse?.();
    const actorId = actor?.userId ?? null;
    const at = now();
    const written = await deps.leads.transaction(async (tx) => {
      const locked = actor ? await lockAll(tx, actor, [leadId]) : ok(await tx.lock({ kind: 'all' }, [leadId]));
      if (!locked.ok) return locked;
      const current = locked.value[0];
      if (!current) return err({ code: 'NOT_FOUND' as const, id: leadId });
      const [activity] = await tx.recordActivities([{ ...entry, leadId, actorId, at } as NewActivity]);
      const answered = respond ? await respond(tx, current, [activity!]) : current;
      const scored = await rescored(tx, [answered], rules, actorId, at);
      return ok({ lead: scored.leads[0] ?? answered, activity: activity!, qualified: scored.qualified.changes });
    });
    if (!written.ok) return written;
    const { lead, activity, qualified } = written.value;
    if (deps.events) {
      await deps.events.emit('activity.logged', { lead, actorId, at, activity });
      for (const change of qualified) await deps.events.emit('lead.qualified', { lead: change.lead, actorId, at, from: change.from, to: change.to });
    }
    return ok({ lead, activity });
  }

  async function setArchived(actor: Actor, ids: readonly string[], archived: boolean): Promise<LeadResult<Lead[]>> {
    const rules = await rulesNow();
    return committed(async (tx): Promise<Written<Lead[]>> => {
      const locked = await lockAll(tx, actor, ids);
      if (!locked.ok) return locked;
      const at = now();
      const out: Lead[] = [];
      const activities: NewActivity[] = [];
      const changed: Lead[] = [];
      for (const lead of locked.value) {
        if ((lead.archivedAt !== null) === archived) {
          out.push(lead);
          continue;
        }
        const markers: LeadMarkers = { archivedAt: archived ? at : null };
        const updated = await tx.update(lead.id, markers, at);
        out.push(updated);
        changed.push(updated);
        activities.push({ leadId: lead.id, actorId: actor.userId, at, type: archived ? 'archived' : 'unarchived', data: {} });
      }
      const recorded = await tx.recordActivities(activities);
      const scored = await rescored(tx, changed, rules, actor.userId, at);
      const final = replaceById(out, scored.leads);
      return ok({ value: final, leads: final, activities: recorded, qualified: scored.qualified });
    });
  }
}

/** `leads` with each lead that `replacements` has a newer copy of replaced by it. */
function replaceById(leads: readonly Lead[], replacements: readonly Lead[]): Lead[] {
  const byId = new Map(replacements.map((l) => [l.id, l]));
  return leads.map((l) => byId.get(l.id) ?? l);
}

export type LeadService = ReturnType<typeof createLeadService>;
