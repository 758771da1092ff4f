import { leadScope, type Actor } from '../auth/roles.js';
import { fieldError, type FieldError, type LeadFailure } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import type { Activity, FieldChanges } from '../lead/activity.js';
import { leadFields, type LeadFieldName } from '../lead/fields.js';
import type { LeadEventSink } from '../lead/ingest.js';
import type { Lead, LeadWritable } from '../lead/lead.js';
import { checkOwner } from '../lead/owner.js';
import type { LeadStore, UserDirectory } from '../lead/ports.js';
import type { PrepareContext } from '../lead/prepare.js';
import { err, ok, type Result } from '../result.js';
import type { QualificationChange } from '../scoring/ports.js';
import { rescoreInTransaction } from '../scoring/rescore.js';
import type { ScoringRules } from '../scoring/rules.js';
import { duplicateProbe, duplicateReasons, type DuplicateCandidate } from './duplicates.js';
import { planMerge, type MergeValues } from './plan.js';
import type { DuplicateGroupKey, MergeRecord, MergeStore, MergeTransaction } from './ports.js';

export type MergeFailure =
  | LeadFailure
  | { code: 'MERGE_NOT_FOUND'; id: string }
  /** The merge or unmerge cannot be done in the leads' present state; `fields`: the survivor's fields changed since. */
  | { code: 'MERGE_CONFLICT'; reason: string; fields?: string[] };

export type MergeResult<T> = Result<T, MergeFailure>;

export interface MergeServiceDeps {
  merges: MergeStore;
  leads: LeadStore;
  users: UserDirectory;
  /** Picklists and field definitions for explicit values (the lead service's `prepareContext`). */
  prepareContext: (locale?: Locale) => Promise<PrepareContext>;
  rules?: () => ScoringRules | Promise<ScoringRules>;
  events?: LeadEventSink;
  now?: () => Date;
}

export interface MergeRequest {
  survivorId: string;
  mergedIds: readonly string[];
  /** Each lead's version as the caller saw it (survivor and merged): a lead changed since is a CONFLICT. */
  versions: Readonly<Record<string, number>>;
  values: MergeValues;
}

export interface DuplicateGroup {
  field: DuplicateGroupKey;
  key: string;
  count: number;
  leads: Lead[];
}

/** Managers and admins merge; agents only see a lead's duplicates among their own leads. */
export const canMerge = (actor: Actor): boolean => actor.role !== 'agent';

const forbidden: MergeFailure = { code: 'FORBIDDEN', reason: 'only managers and admins merge leads' };

/** A value as it reads back from JSON, with object keys in one order, to compare stored and live values. */
function canonical(value: unknown): string {
  const plain: unknown = value === undefined ? null : JSON.parse(JSON.stringify(value));
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sorted(x)]))
        : v;
  return JSON.stringify(sorted(plain));
}

/** Stored snapshot values back to the lead's types (JSON keeps dates as text). */
function revive(snapshot: Record<string, unknown>): Partial<LeadWritable> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(snapshot)) {
    const kind = key in leadFields ? leadFields[key as LeadFieldName].kind.type : null;
    out[key] = kind === 'dateTime' && typeof value === 'string' ? new Date(value) : value;
  }
  return out as Partial<LeadWritable>;
}

const snapshot = (lead: Lead, keys: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(keys.map((k) => [k, JSON.parse(JSON.stringify(lead[k as keyof Lead] ?? null)) as unknown]));

function fieldChanges(keys: readonly string[], from: Record<string, unknown>, to: Record<string, unknown>): FieldChanges {
  return Object.fromEntries(keys.map((k) => [k, { from: from[k] ?? null, to: to[k] ?? null }])) as FieldChanges;
}

/** Duplicates, merges and their undoing. Pure orchestration over the storage ports. */
export function createMergeService(deps: MergeServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const rulesNow = async (): Promise<ScoringRules | null> => (await deps.rules?.()) ?? null;

  type Done<T> = MergeResult<{ value: T; survivor: Lead; changes: FieldChanges; activities: Activity[]; qualified: QualificationChange[]; at: Date }>;

  /** Run the work in one transaction; after the commit tell plugins the survivor was updated. */
  async function committed<T>(actor: Actor, work: (tx: MergeTransaction) => Promise<Done<T>>): Promise<MergeResult<T>> {
    const result = await deps.merges.transaction(work);
    if (!result.ok) return result;
    const { survivor, changes, qualified, at } = result.value;
    if (deps.events) {
      await deps.events.emit('lead.updated', { lead: survivor, actorId: actor.userId, at, changes });
      for (const { lead, from, to } of qualified) await deps.events.emit('lead.qualified', { lead, actorId: actor.userId, at, from, to });
    }
    return ok(result.value.value);
  }

  /**
   * `rules` are read before the transaction opens: inside it only `tx` may touch storage (on the
   * embedded database any other query waits for the transaction to end, which waits for it).
   */
  async function rescore(tx: MergeTransaction, leads: readonly Lead[], rules: ScoringRules | null, at: Date): Promise<{ leads: Lead[]; qualified: QualificationChange[] }> {
    if (!rules) return { leads: [...leads], qualified: [] };
    return rescoreInTransaction(tx, leads, rules, at);
  }

  /** Lock the leads in the actor's scope, in the order of `ids`, or name the first missing one. */
  async function lockAll(tx: MergeTransaction, actor: Actor, ids: readonly string[]): Promise<MergeResult<Lead[]>> {
    const locked = new Map((await tx.lock(leadScope(actor), ids)).map((l) => [l.id, l]));
    const missing = ids.find((id) => !locked.has(id));
    return missing === undefined ? ok(ids.map((id) => locked.get(id)!)) : err({ code: 'NOT_FOUND', id: missing });
  }

  function checkRequest(request: MergeRequest, locale: Locale | undefined): FieldError[] {
    const errors: FieldError[] = [];
    const ids = [request.survivorId, ...request.mergedIds];
    if (request.mergedIds.length === 0 || new Set(ids).size !== ids.length) errors.push(fieldError('mergedIds', 'invalid_value', locale));
    for (const id of ids) if (request.versions[id] === undefined) errors.push(fieldError(`versions.${id}`, 'required', locale));
    return errors;
  }

  return {
    /**
     * Live leads that look like this one: sharing a number (mobile or phone, in either column) or
     * the email (strong), or the same name and company (weak). Only leads the actor can see.
     */
    async duplicates(actor: Actor, id: string): Promise<MergeResult<DuplicateCandidate[]>> {
      const scope = leadScope(actor);
      const lead = await deps.leads.get(scope, id);
      if (!lead) return err({ code: 'NOT_FOUND', id });
      const candidates = await deps.merges.duplicatesOf(scope, duplicateProbe(lead), lead.id, 100);
      const found = candidates.map((c) => duplicateReasons(lead, c)).filter((c): c is DuplicateCandidate => c !== null);
      return ok([...found.filter((c) => c.strength === 'strong'), ...found.filter((c) => c.strength === 'weak')]);
    },

    /** Keys shared by several live leads, a page at a time in key order, for the managers' screen. */
    async duplicateGroups(
      actor: Actor,
      request: { by: DuplicateGroupKey; cursor: string | null; limit: number },
    ): Promise<MergeResult<{ items: DuplicateGroup[]; nextCursor: string | null }>> {
      if (!canMerge(actor)) return err(forbidden);
      const { groups, next } = await deps.merges.duplicateGroups(request.by, request.cursor, request.limit);
      return ok({ items: groups.map((row) => ({ field: request.by, ...row })), nextCursor: next });
    },

    /** The merges a lead took part in, newest first. */
    async history(actor: Actor, leadId: string): Promise<MergeResult<MergeRecord[]>> {
      const lead = await deps.leads.get(leadScope(actor), leadId);
      if (!lead) return err({ code: 'NOT_FOUND', id: leadId });
      return ok(await deps.merges.history(leadId));
    },

    /**
     * Merge leads into the survivor, in one transaction: the survivor takes the chosen values,
     * every activity and task of the merged leads moves to it, the merged leads are marked (gone
     * from lists, `leads.get` gives `mergedIntoId`), a `merged` activity and an undo record are
     * written. Every lead must still be at the version the caller saw.
     */
    async merge(actor: Actor, request: MergeRequest, locale?: Locale): Promise<MergeResult<{ merge: MergeRecord; survivor: Lead }>> {
      if (!canMerge(actor)) return err(forbidden);
      const problems = checkRequest(request, locale);
      if (problems.length > 0) return err({ code: 'VALIDATION', fields: problems });
      const ownerChoice = request.values.ownerId;
      if (ownerChoice && 'value' in ownerChoice) {
        const ownerId = typeof ownerChoice.value === 'string' ? ownerChoice.value.trim() || null : null;
        const problem = await checkOwner(deps.users, actor, ownerId, locale);
        if (problem) return err(problem.code === 'VALIDATION' ? { ...problem, fields: problem.fields.map((f) => ({ ...f, field: 'values.ownerId' })) } : problem);
      }
      const ctx = await deps.prepareContext(locale);
      const rules = await rulesNow();
      const ids = [request.survivorId, ...request.mergedIds];
      return committed(actor, async (tx) => {
        const locked = await lockAll(tx, actor, ids);
        if (!locked.ok) return locked;
        const [survivor, ...merged] = locked.value as [Lead, ...Lead[]];
        for (const lead of locked.value) {
          if (lead.version !== request.versions[lead.id]) return err({ code: 'CONFLICT', id: lead.id, currentVersion: lead.version });
          if (lead.mergedIntoId !== null) return err({ code: 'MERGE_CONFLICT', reason: `lead ${lead.id} was already merged into ${lead.mergedIntoId}` });
        }
        const planned = planMerge(survivor, locked.value, request.values, ctx);
        if (!planned.ok) return err({ code: 'VALIDATION', fields: planned.error });
        const keys = Object.keys(planned.value);
        const at = now();
        // Rows move first, so the leads written below come back with their task bookkeeping up to date.
        const movedActivityIds = await tx.moveActivities(request.mergedIds, survivor.id);
        const movedTaskIds = await tx.moveTasks(request.mergedIds, survivor.id);
        await tx.tasksMoved(ids);
        for (const lead of merged) await tx.update(lead.id, { mergedIntoId: survivor.id, mergedAt: at }, at);
        // Always written, even with no field changing: the survivor's timeline changed, so its version moves.
        const updated = await tx.update(survivor.id, planned.value, at);
        const before = snapshot(survivor, keys);
        const after = snapshot(updated, keys);
        const record = await tx.insertMerge({
          survivorId: survivor.id,
          mergedIds: [...request.mergedIds],
          survivorBefore: before,
          survivorAfter: after,
          movedActivityIds,
          movedTaskIds,
          actorId: actor.userId,
          createdAt: at,
        });
        const changes = fieldChanges(keys, before, after);
        const activities = await tx.recordActivities([
          { leadId: survivor.id, actorId: actor.userId, at, type: 'merged', data: { mergeId: record.id, mergedIds: record.mergedIds, changes } },
        ]);
        const scored = await rescore(tx, [updated], rules, at);
        const final = scored.leads[0]!;
        return ok({ value: { merge: record, survivor: final }, survivor: final, changes, activities, qualified: scored.qualified, at });
      });
    },

    /**
     * Undo a merge: the survivor's merged fields go back to their values before it, the moved
     * activities and tasks go back to their leads, the merged leads return to the lists. Refused
     * (`MERGE_CONFLICT`) when that would lose later work: the merge was undone already, the
     * survivor was itself merged since, a later merge into the survivor is still in force (undo
     * that first), or someone changed one of the fields the merge set (the answer names them).
     */
    async unmerge(actor: Actor, mergeId: string): Promise<MergeResult<{ merge: MergeRecord; survivor: Lead; restored: Lead[] }>> {
      if (!canMerge(actor)) return err(forbidden);
      const rules = await rulesNow();
      return committed(actor, async (tx) => {
        const record = await tx.lockMerge(mergeId);
        if (!record) return err({ code: 'MERGE_NOT_FOUND', id: mergeId });
        if (record.undoneAt !== null) return err({ code: 'MERGE_CONFLICT', reason: 'this merge was already undone' });
        const locked = await lockAll(tx, actor, [record.survivorId, ...record.mergedIds]);
        if (!locked.ok) return locked;
        const [survivor, ...merged] = locked.value as [Lead, ...Lead[]];
        if (survivor.mergedIntoId !== null) {
          return err({ code: 'MERGE_CONFLICT', reason: `the survivor was merged into ${survivor.mergedIntoId} since; undo that merge first` });
        }
        if (await tx.hasLaterMerge(survivor.id, record)) {
          return err({ code: 'MERGE_CONFLICT', reason: 'a later merge into the survivor is still in force; undo it first' });
        }
        const keys = Object.keys(record.survivorAfter);
        const edited = keys.filter((k) => canonical(survivor[k as keyof Lead]) !== canonical(record.survivorAfter[k]));
        if (edited.length > 0) {
          return err({ code: 'MERGE_CONFLICT', reason: `the survivor's ${edited.join(', ')} changed since the merge`, fields: edited });
        }
        const at = now();
        await tx.returnActivities(record.movedActivityIds, survivor.id);
        await tx.returnTasks(record.movedTaskIds, survivor.id);
        await tx.tasksMoved([survivor.id, ...record.mergedIds]);
        const restoredSurvivor = await tx.update(survivor.id, revive(record.survivorBefore), at);
        const restored: Lead[] = [];
        for (const lead of merged) {
          restored.push(lead.mergedIntoId === survivor.id ? await tx.update(lead.id, { mergedIntoId: null, mergedAt: null }, at) : lead);
        }
        const undone = await tx.markUndone(record.id, actor.userId, at);
        const changes = fieldChanges(keys, record.survivorAfter, record.survivorBefore);
        const activities = await tx.recordActivities([
          { leadId: survivor.id, actorId: actor.userId, at, type: 'unmerged', data: { mergeId: record.id, mergedIds: record.mergedIds, changes } },
        ]);
        const scored = await rescore(tx, [restoredSurvivor, ...restored], rules, at);
        const [final, ...others] = scored.leads as [Lead, ...Lead[]];
        return ok({ value: { merge: undone, survivor: final, restored: others }, survivor: final, changes, activities, qualified: scored.qualified, at });
      });
    },
  };
}

export type MergeService = ReturnType<typeof createMergeService>;
