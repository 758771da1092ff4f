import { canAssignToOthers, leadScope, type Actor } from '../auth/roles.js';
import { fieldError, type LeadFailure } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import { checkPicklistValue } from '../picklists/picklist.js';
import { err, ok, type Result } from '../result.js';
import type { FieldChanges, NewActivity } from './activity.js';
import type { Lead, LeadWritable } from './lead.js';
import type { CustomFieldSource, LeadMarkers, LeadStore, LeadTransaction, PicklistSource, UserDirectory } from './ports.js';
import { prepareLead, prepareLeadPatch, type PrepareContext } from './prepare.js';
import type { LeadListQuery, LeadPage } from './query.js';
import type { LeadInput, LeadPatch } from './schema.js';

export interface LeadServiceDeps {
  leads: LeadStore;
  users: UserDirectory;
  picklists: PicklistSource;
  customFields: CustomFieldSource;
  now?: () => Date;
}

export type LeadResult<T> = Result<T, LeadFailure>;

/** The lead use cases. Pure orchestration over the storage ports: no SQL, no HTTP. */
export function createLeadService(deps: LeadServiceDeps) {
  const now = deps.now ?? (() => new Date());

  async function context(locale: Locale | undefined): Promise<PrepareContext> {
    const [picklists, customFieldKeys] = await Promise.all([
      deps.picklists.load(),
      deps.customFields.activeKeys(),
    ]);
    return { picklists, customFieldKeys, ...(locale ? { locale } : {}) };
  }

  /** An owner must exist and be active; agents may only own leads themselves. */
  async function checkOwner(
    actor: Actor,
    ownerId: string | null,
    locale: Locale | undefined,
  ): Promise<LeadFailure | null> {
    // Before the null check: an agent may not unassign their lead either (it would vanish from view).
    if (ownerId !== actor.userId && !canAssignToOthers(actor)) {
      return { code: 'FORBIDDEN', reason: 'agents can only own leads themselves' };
    }
    if (ownerId === null) return null;
    const [user] = await deps.users.findUsers([ownerId]);
    if (!user) return { code: 'VALIDATION', fields: [fieldError('ownerId', 'unknown_value', locale)] };
    if (!user.active) return { code: 'VALIDATION', fields: [fieldError('ownerId', 'inactive_user', locale)] };
    return null;
  }

  /** Lock every id in scope, or fail naming the first one that is missing or out of scope. */
  async function lockAll(tx: LeadTransaction, actor: Actor, ids: readonly string[]): Promise<LeadResult<Lead[]>> {
    const unique = [...new Set(ids)];
    const locked = await tx.lock(leadScope(actor), unique);
    const byId = new Map(locked.map((l) => [l.id, l]));
    const missing = unique.find((id) => !byId.has(id));
    if (missing !== undefined) return err({ code: 'NOT_FOUND', id: missing });
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
    async create(actor: Actor, input: LeadInput, locale?: Locale): Promise<LeadResult<Lead>> {
      const prepared = prepareLead(input, await context(locale));
      if (!prepared.ok) return err({ code: 'VALIDATION', fields: prepared.error });
      const lead = prepared.value;
      // An agent creating a lead owns it.
      if (actor.role === 'agent' && lead.ownerId === null) lead.ownerId = actor.userId;
      const ownerProblem = await checkOwner(actor, lead.ownerId, locale);
      if (ownerProblem) return err(ownerProblem);
      const at = now();
      const created = await deps.leads.transaction(async (tx) => {
        const row = await tx.insert(lead, at);
        const base = { leadId: row.id, actorId: actor.userId, at };
        const activities: NewActivity[] = [
          { ...base, type: 'created', data: { source: row.source, channel: row.channel } },
        ];
        if (row.ownerId !== null) activities.push({ ...base, type: 'assigned', data: { from: null, to: row.ownerId } });
        await tx.recordActivities(activities);
        return row;
      });
      return ok(created);
    },

    async get(actor: Actor, id: string): Promise<LeadResult<Lead>> {
      const lead = await deps.leads.get(leadScope(actor), id);
      return lead ? ok(lead) : err({ code: 'NOT_FOUND', id });
    },

    list(actor: Actor, query: LeadListQuery): Promise<LeadPage> {
      return deps.leads.list(leadScope(actor), query);
    },

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
        const ownerProblem = await checkOwner(actor, ownerId, locale);
        if (ownerProblem) return err(ownerProblem);
      }
      return deps.leads.transaction(async (tx): Promise<LeadResult<Lead>> => {
        const locked = await lockAll(tx, actor, [id]);
        if (!locked.ok) return locked;
        const current = locked.value[0]!;
        if (current.version !== version) return err({ code: 'CONFLICT', id, currentVersion: current.version });
        const prepared = prepareLeadPatch(current, patch, ctx);
        if (!prepared.ok) return err({ code: 'VALIDATION', fields: prepared.error });
        const changes = prepared.value;
        if (Object.keys(changes).length === 0) return ok(current);
        const at = now();
        const updated = await tx.update(id, changes, at);
        await tx.recordActivities(activitiesFor(current, changes, actor, at));
        return ok(updated);
      });
    },

    async setStage(actor: Actor, id: string, stage: string, locale?: Locale): Promise<LeadResult<Lead>> {
      const picklists = await deps.picklists.load();
      const check = checkPicklistValue(picklists.stage, stage);
      if (check !== 'ok') return err({ code: 'VALIDATION', fields: [fieldError('stage', check, locale)] });
      return deps.leads.transaction(async (tx): Promise<LeadResult<Lead>> => {
        const locked = await lockAll(tx, actor, [id]);
        if (!locked.ok) return locked;
        const current = locked.value[0]!;
        if (current.stage === stage) return ok(current);
        const at = now();
        const updated = await tx.update(id, { stage }, at);
        await tx.recordActivities([
          { leadId: id, actorId: actor.userId, at, type: 'stage_changed', data: { from: current.stage, to: stage } },
        ]);
        return ok(updated);
      });
    },

    /** Give leads to one owner (or none): all of them, or none when any is missing or out of scope. */
    async assign(actor: Actor, ids: readonly string[], ownerId: string | null, locale?: Locale): Promise<LeadResult<Lead[]>> {
      if (!canAssignToOthers(actor) && ownerId !== actor.userId) {
        return err({ code: 'FORBIDDEN', reason: 'agents cannot assign leads to others' });
      }
      const ownerProblem = await checkOwner(actor, ownerId, locale);
      if (ownerProblem) return err(ownerProblem);
      return deps.leads.transaction(async (tx): Promise<LeadResult<Lead[]>> => {
        const locked = await lockAll(tx, actor, ids);
        if (!locked.ok) return locked;
        const at = now();
        const out: Lead[] = [];
        for (const lead of locked.value) {
          if (lead.ownerId === ownerId) {
            out.push(lead);
            continue;
          }
          out.push(await tx.update(lead.id, { ownerId }, at));
        }
        await tx.recordActivities(
          locked.value
            .filter((lead) => lead.ownerId !== ownerId)
            .map((lead) => ({ leadId: lead.id, actorId: actor.userId, at, type: 'assigned', data: { from: lead.ownerId, to: ownerId } })),
        );
        return ok(out);
      });
    },

    archive(actor: Actor, ids: readonly string[]): Promise<LeadResult<Lead[]>> {
      return setArchived(actor, ids, true);
    },

    unarchive(actor: Actor, ids: readonly string[]): Promise<LeadResult<Lead[]>> {
      return setArchived(actor, ids, false);
    },
  };

  function setArchived(actor: Actor, ids: readonly string[], archived: boolean): Promise<LeadResult<Lead[]>> {
    return deps.leads.transaction(async (tx): Promise<LeadResult<Lead[]>> => {
      const locked = await lockAll(tx, actor, ids);
      if (!locked.ok) return locked;
      const at = now();
      const out: Lead[] = [];
      const activities: NewActivity[] = [];
      for (const lead of locked.value) {
        if ((lead.archivedAt !== null) === archived) {
          out.push(lead);
          continue;
        }
        const markers: LeadMarkers = { archivedAt: archived ? at : null };
        out.push(await tx.update(lead.id, markers, at));
        activities.push({ leadId: lead.id, actorId: actor.userId, at, type: archived ? 'archived' : 'unarchived', data: {} });
      }
      await tx.recordActivities(activities);
      return ok(out);
    });
  }
}

export type LeadService = ReturnType<typeof createLeadService>;
