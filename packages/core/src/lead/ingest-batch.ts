import { canAssignToOthers, type Actor } from '../auth/roles.js';
import { fieldError, type FieldError } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import { explainBehavior, explainFitRules, sumPoints, type ScoredActivity } from '../scoring/evaluate.js';
import type { QualificationChange } from '../scoring/ports.js';
import { clampScore, defaultQualificationThresholds, qualificationFor } from '../scoring/qualification.js';
import { rescoreInTransaction } from '../scoring/rescore.js';
import type { Activity, DuplicateField, LeadOrigin, NewActivity } from './activity.js';
import { duplicateKeysOf, scoreLead, withDefaults, type Assignment, type IngestDeps } from './ingest.js';
import type { Lead, LeadWritable } from './lead.js';
import { checkOwner } from './owner.js';
import type { DuplicateKeys, LeadMarkers, LeadTransaction, UserDirectory } from './ports.js';
import { changedFields, prepareLead, prepareLeadPatch } from './prepare.js';
import type { LeadInput } from './schema.js';

/**
 * What a batch does with a row that matches a lead (in the database, or an earlier row of the same
 * source) by mobile, phone or email: `skip` it, `update` that lead with the row's non-empty values,
 * or `create` a new lead anyway.
 */
export const batchDuplicatePolicies = ['skip', 'update', 'create'] as const;
export type BatchDuplicatePolicy = (typeof batchDuplicatePolicies)[number];

/** Storage for batches: the duplicate lookup and the transaction, both set-based. */
export interface LeadBatchStore {
  /** Every unarchived lead with one of the numbers (mobile or phone) or emails, in one query. */
  findDuplicates(keys: DuplicateKeys): Promise<Lead[]>;
  transaction<T>(work: (tx: LeadBatchTransaction) => Promise<T>): Promise<T>;
}

export interface LeadBatchTransaction extends LeadTransaction {
  /** Hold all these keys until the transaction ends (one statement, in a fixed order). */
  claimAllDuplicateKeys(keys: DuplicateKeys): Promise<void>;
  findDuplicates(keys: DuplicateKeys): Promise<Lead[]>;
  /**
   * Insert new leads in one statement; returns them as stored, in the same order. Without
   * `responseSla` they start with no response-time clock (the SLA sweep never arms them).
   */
  insertMany(rows: readonly { lead: LeadWritable; markers: LeadMarkers }[], at: Date, options: { responseSla: boolean }): Promise<Lead[]>;
  /** Delete leads (their activities go with them). */
  deleteMany(ids: readonly string[]): Promise<void>;
  /**
   * The storage's own transaction (a Kysely transaction in `@sarnakh/db`), for a caller whose own
   * bookkeeping (an import's progress) must commit together with the leads or not at all.
   */
  readonly handle: unknown;
}

export interface BatchRow {
  /** The caller's reference for the row (a spreadsheet row number); results carry it back. */
  ref: number;
  input: LeadInput;
}

export type BatchRowResult =
  | { ref: number; status: 'created'; leadId: string; version: number }
  | { ref: number; status: 'updated'; leadId: string; version: number; previous: Partial<LeadWritable> }
  | { ref: number; status: 'skipped'; duplicateOf: string | null; matchedOn: DuplicateField; inSource: boolean }
  | { ref: number; status: 'failed'; errors: FieldError[] }
  /** A dry run's answer for a row that would be created or written onto a duplicate. */
  | { ref: number; status: 'new' }
  | { ref: number; status: 'duplicate'; duplicateOf: string | null; matchedOn: DuplicateField; inSource: boolean };

export interface BatchIngestRequest {
  rows: readonly BatchRow[];
  actor: Actor | null;
  duplicatePolicy: BatchDuplicatePolicy;
  /** `detail.row` is set to each row's `ref`. */
  origin: LeadOrigin;
  defaults?: Partial<LeadInput>;
  locale?: Locale;
  /** Validate and find duplicates only; write nothing, assign nobody. */
  dryRun?: boolean;
  /**
   * Keys (`phone:+98…`, `email:…`) seen in earlier batches of the same source, updated by this
   * one: a row matching them is a duplicate within the source rather than against the database.
   */
  seenKeys?: Set<string>;
  /** Runs inside the batch's transaction once its leads are written, with the results. */
  withinTransaction?: (tx: LeadBatchTransaction, results: readonly BatchRowResult[]) => Promise<void>;
  /**
   * Whether new leads start the response-time SLA clock (default true). An import of existing
   * contacts passes false: they are history, not inbound leads waiting for a first call.
   */
  responseSla?: boolean;
  /**
   * Open the transaction only once this settles (the previous batch's commit), and not at all if
   * it rejects: a caller can check and score this batch while the previous one is being written,
   * and the batches still commit one after another, in order.
   */
  startAfter?: Promise<unknown>;
}

export interface BatchRevertRequest {
  created: readonly { id: string; version: number }[];
  updated: readonly { id: string; version: number; previous: Partial<LeadWritable> }[];
  actorId: string | null;
  /** Runs inside the revert's transaction, with what it did. */
  withinTransaction?: (tx: LeadBatchTransaction, result: BatchRevertResult) => Promise<void>;
}

export interface BatchRevertResult {
  deleted: string[];
  restored: string[];
  /** Leads changed (or removed) since: left as they are. */
  kept: string[];
}

export interface BatchIngestDeps extends Omit<IngestDeps, 'leads' | 'events'> {
  batches: LeadBatchStore;
  /** Tell the plugins what a committed batch wrote (its activities' events, qualification moves). */
  emit?: (written: BatchWritten, actorId: string | null, at: Date) => Promise<void>;
}

/** What a committed batch wrote, for the events after the commit. */
export interface BatchWritten {
  /** New leads: `lead.created` each. */
  created: readonly Lead[];
  /** Leads as they ended up, for the events of `activities` (`lead.updated`, `lead.assigned`…). */
  leads: readonly Lead[];
  activities: readonly Activity[];
  qualified: readonly QualificationChange[];
}

const keyStrings = (keys: DuplicateKeys): string[] => [...keys.phones.map((p) => `phone:${p}`), ...keys.emails.map((e) => `email:${e}`)];

/** A user directory answering from one prefetch, so a batch asks storage once for all its owners. */
function prefetchedUsers(users: UserDirectory, ids: readonly string[]): Promise<UserDirectory> {
  return users.findUsers([...new Set(ids)]).then((found) => {
    const byId = new Map(found.map((u) => [u.id, u]));
    return { findUsers: async (wanted) => wanted.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])) };
  });
}

/** The fields a row actually gives (non-empty), so an update never blanks what the file leaves out. */
function givenFields(input: LeadInput): LeadInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
    if (key === 'customFields' && typeof value === 'object' && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out as LeadInput;
}

interface Valid {
  ref: number;
  input: LeadInput;
  lead: LeadWritable;
  keys: DuplicateKeys;
}

type Plan =
  | { kind: 'new'; row: Valid }
  | { kind: 'duplicate'; row: Valid; target: { lead: Lead } | { rowIndex: number }; matchedOn: DuplicateField; inSource: boolean };

/** Which field of `lead` carries one of `keys`. */
function matchedField(lead: Pick<LeadWritable, 'mobile' | 'phone' | 'email'>, keys: DuplicateKeys): DuplicateField {
  if (lead.mobile !== null && keys.phones.includes(lead.mobile)) return 'mobile';
  if (lead.phone !== null && keys.phones.includes(lead.phone)) return 'phone';
  return 'email';
}

/**
 * Classify rows against the stored leads and the earlier rows: the same matching as the single
 * ingest (numbers against both phone columns, emails; the oldest stored lead wins), in row order.
 */
function plan(rows: readonly Valid[], stored: readonly Lead[], seenKeys: ReadonlySet<string>): Plan[] {
  const oldest = new Map<string, Lead>();
  const sorted = [...stored].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  for (const lead of sorted) {
    for (const key of keyStrings(duplicateKeysOf(lead))) if (!oldest.has(key)) oldest.set(key, lead);
  }
  const firstRow = new Map<string, number>();
  const out: Plan[] = [];
  rows.forEach((row, index) => {
    const keys = keyStrings(row.keys);
    const inSource = keys.some((k) => seenKeys.has(k) || firstRow.has(k));
    const match = keys.map((k) => oldest.get(k)).find((l) => l !== undefined);
    const earlier = keys.map((k) => firstRow.get(k)).find((i) => i !== undefined);
    if (match) {
      out.push({ kind: 'duplicate', row, target: { lead: match }, matchedOn: matchedField(match, row.keys), inSource });
    } else if (earlier !== undefined) {
      out.push({ kind: 'duplicate', row, target: { rowIndex: earlier }, matchedOn: matchedField(rows[earlier]!.lead, row.keys), inSource: true });
    } else {
      out.push({ kind: 'new', row });
    }
    for (const key of keys) if (!firstRow.has(key)) firstRow.set(key, index);
  });
  return out;
}

/**
 * The ingest pipeline for many rows at once — spreadsheets, bulk APIs — with the single ingest's
 * rules (the same `prepareLead`, owner check, duplicate keys, scorers, fit and behavior rules,
 * distributor and activities), but set-based: one duplicate query, one locking statement and one
 * insert per batch, in one transaction. A bad row is reported with its errors and never blocks its
 * neighbours; a batch writes all its good rows or, on a storage failure, none.
 */
export function createBatchIngest(deps: BatchIngestDeps) {
  const now = deps.now ?? (() => new Date());

  async function validate(request: BatchIngestRequest): Promise<{ valid: Valid[]; failed: BatchRowResult[] }> {
    const { actor, locale } = request;
    const ctx = await deps.prepareContext(locale, request.origin);
    const prepared = request.rows.map((row) => ({ row, result: prepareLead(withDefaults(row.input, request.defaults), ctx) }));
    const owners = prepared.flatMap(({ result }) => (result.ok && result.value.ownerId !== null ? [result.value.ownerId] : []));
    const users = await prefetchedUsers(deps.users, owners);
    const valid: Valid[] = [];
    const failed: BatchRowResult[] = [];
    for (const { row, result } of prepared) {
      if (!result.ok) {
        failed.push({ ref: row.ref, status: 'failed', errors: result.error });
        continue;
      }
      const lead = result.value;
      if (actor?.role === 'agent' && lead.ownerId === null) lead.ownerId = actor.userId;
      const problem = await checkOwner(users, actor, lead.ownerId, locale);
      if (problem) {
        const errors = problem.code === 'VALIDATION' ? problem.fields : [fieldError('ownerId', 'invalid_value', locale)];
        failed.push({ ref: row.ref, status: 'failed', errors });
        continue;
      }
      valid.push({ ref: row.ref, input: row.input, lead, keys: duplicateKeysOf(lead) });
    }
    return { valid, failed };
  }

  const allKeys = (rows: readonly Valid[]): DuplicateKeys => ({
    phones: [...new Set(rows.flatMap((r) => r.keys.phones))],
    emails: [...new Set(rows.flatMap((r) => r.keys.emails))],
  });

  return async function ingestBatch(request: BatchIngestRequest): Promise<BatchRowResult[]> {
    const { actor, duplicatePolicy } = request;
    const actorId = actor?.userId ?? null;
    const seenKeys = request.seenKeys ?? new Set<string>();
    const { valid, failed } = await validate(request);
    const keys = allKeys(valid);
    const early = plan(valid, await deps.batches.findDuplicates(keys), seenKeys);
    for (const row of valid) for (const key of keyStrings(row.keys)) seenKeys.add(key);

    const byRef = (results: BatchRowResult[]) => results.sort((a, b) => a.ref - b.ref);
    if (request.dryRun) {
      const planned: BatchRowResult[] = early.map((p) =>
        p.kind === 'new' || duplicatePolicy === 'create'
          ? { ref: p.row.ref, status: 'new' }
          : {
              ref: p.row.ref,
              status: 'duplicate',
              duplicateOf: 'lead' in p.target ? p.target.lead.id : null,
              matchedOn: p.matchedOn,
              inSource: p.inSource,
            },
      );
      return byRef([...planned, ...failed]);
    }

    // Score and distribute every row that may become a lead, before the transaction (scorers and
    // strategies may read storage; on the embedded database the transaction holds the connection).
    const thresholds = (await deps.thresholds?.()) ?? defaultQualificationThresholds;
    const rules = (await deps.rules?.()) ?? null;
    const scorers = deps.scorers?.() ?? [];
    const scored = new Map<number, { pluginScore: number; scoreNow: number; assignment: Assignment | null }>();
    // The assignment rules once per batch, not once per row: strategies still pick per lead.
    const distributionRules = deps.distribute && deps.distributionRules ? await deps.distributionRules() : undefined;
    // Every valid row is scored: one that looked like a duplicate may be new under the locks (its
    // match archived meanwhile). Only rows that look new take a turn in distribution; the others,
    // if they turn out new, stay unassigned, as in the single ingest.
    for (const p of early) {
      const { lead } = p.row;
      const plugin = await scoreLead(lead, scorers, thresholds);
      for (const failure of plugin.failed) deps.onScorerError?.(failure);
      const scoreNow = clampScore(plugin.score + (rules ? sumPoints(explainFitRules(lead, rules.fit)) : 0));
      let assignment: Assignment | null = null;
      if (lead.ownerId === null && deps.distribute && (p.kind === 'new' || duplicatePolicy === 'create')) {
        const distributable = { ...lead, score: scoreNow, qualification: qualificationFor(scoreNow, thresholds) };
        assignment = await deps.distribute(distributable, deps.strategies?.() ?? [], distributionRules ? { rules: distributionRules } : {});
      }
      scored.set(p.row.ref, { pluginScore: plugin.score, scoreNow, assignment });
    }

    // Only updates of duplicates need it (the first context is for new leads, by origin).
    const ctx = duplicatePolicy === 'update' ? await deps.prepareContext(request.locale) : null;
    await request.startAfter;
    const at = now();
    const written = await deps.batches.transaction(async (tx) => {
      // The authoritative look, under locks on every key: a capture racing this batch is seen here.
      let plans: Plan[];
      if (duplicatePolicy === 'create') {
        plans = valid.map((row) => ({ kind: 'new', row }));
      } else {
        await tx.claimAllDuplicateKeys(keys);
        plans = plan(valid, await tx.findDuplicates(keys), new Set());
      }
      const results: BatchRowResult[] = [...failed];
      const activities: NewActivity[] = [];

      const fresh = plans.filter((p) => p.kind === 'new');
      const inserts = fresh.map(({ row }) => {
        const s = scored.get(row.ref)!;
        const lead = { ...row.lead, ownerId: row.lead.ownerId ?? s.assignment?.ownerId ?? null };
        const first: ScoredActivity[] = [{ type: 'created', at }, ...(lead.ownerId === null ? [] : [{ type: 'assigned', at }])];
        const score = clampScore(s.scoreNow + (rules ? sumPoints(explainBehavior(first, rules.behavior, at)) : 0));
        return { lead, markers: { score, qualification: qualificationFor(score, thresholds), pluginScore: s.pluginScore } };
      });
      const created = await tx.insertMany(inserts, at, { responseSla: request.responseSla ?? true });
      const leadOfRow = new Map<number, Lead>();
      created.forEach((lead, i) => {
        const { row } = fresh[i]!;
        leadOfRow.set(row.ref, lead);
        results.push({ ref: row.ref, status: 'created', leadId: lead.id, version: lead.version });
        const base = { leadId: lead.id, actorId, at };
        const origin: LeadOrigin = { ...request.origin, detail: { ...request.origin.detail, row: row.ref } };
        activities.push({ ...base, type: 'created', data: { source: lead.source, channel: lead.channel, origin } });
        if (lead.ownerId !== null) {
          const via = row.lead.ownerId === null ? scored.get(row.ref)?.assignment?.reason : undefined;
          activities.push({ ...base, type: 'assigned', data: { from: null, to: lead.ownerId, ...(via ? { via } : {}) } });
        }
      });

      // Duplicates, in row order: skip, or update the matched lead with what the row gives.
      const stored = plans.flatMap((p) => (p.kind === 'duplicate' && 'lead' in p.target ? [p.target.lead.id] : []));
      const current = new Map((duplicatePolicy === 'update' ? await tx.lock({ kind: 'all' }, stored) : []).map((l) => [l.id, l]));
      const original = new Map<string, Lead>();
      for (const p of plans) {
        if (p.kind !== 'duplicate') continue;
        const target = 'lead' in p.target ? (current.get(p.target.lead.id) ?? p.target.lead) : leadOfRow.get(plans[p.target.rowIndex]!.row.ref);
        const skip = (): void =>
          void results.push({ ref: p.row.ref, status: 'skipped', duplicateOf: target?.id ?? null, matchedOn: p.matchedOn, inSource: p.inSource });
        const mayUpdate = target !== undefined && (actor === null || canAssignToOthers(actor) || target.ownerId === actor.userId);
        if (duplicatePolicy !== 'update' || !mayUpdate) {
          skip();
          continue;
        }
        const patch = prepareLeadPatch(target, givenFields(p.row.input), ctx!);
        if (!patch.ok) {
          results.push({ ref: p.row.ref, status: 'failed', errors: patch.error });
          continue;
        }
        const changes = changedFields(target, patch.value);
        if (Object.keys(changes).length === 0) {
          skip();
          continue;
        }
        if (!original.has(target.id)) original.set(target.id, target);
        const updated = await tx.update(target.id, changes, at);
        current.set(updated.id, updated);
        for (const [ref, lead] of leadOfRow) if (lead.id === updated.id) leadOfRow.set(ref, updated);
        const previous: Partial<LeadWritable> = {};
        for (const key of Object.keys(changes) as (keyof LeadWritable)[]) (previous as Record<string, unknown>)[key] = original.get(target.id)![key];
        results.push({ ref: p.row.ref, status: 'updated', leadId: updated.id, version: updated.version, previous });
        const fieldChanges: Record<string, { from: unknown; to: unknown }> = {};
        for (const [key, to] of Object.entries(changes)) fieldChanges[key] = { from: target[key as keyof Lead], to };
        activities.push({ leadId: updated.id, actorId, at, type: 'updated', data: { changes: fieldChanges } });
        if (changes.stage !== undefined) activities.push({ leadId: updated.id, actorId, at, type: 'stage_changed', data: { from: target.stage, to: changes.stage } });
        if (changes.ownerId !== undefined) activities.push({ leadId: updated.id, actorId, at, type: 'assigned', data: { from: target.ownerId, to: changes.ownerId } });
      }
      const recorded = await tx.recordActivities(activities);
      const touched = [...current.values()].filter((l) => original.has(l.id));
      const rescored = rules ? await rescoreInTransaction(tx, touched, rules, at) : { leads: touched, qualified: [] };
      // A row whose lead a later row updated reports the version it ended at, so revert can tell.
      const finalVersion = new Map(rescored.leads.map((l) => [l.id, l.version]));
      const final = results.map((r) => ('leadId' in r && finalVersion.has(r.leadId) ? { ...r, version: finalVersion.get(r.leadId)! } : r));
      byRef(final);
      await request.withinTransaction?.(tx, final);
      const leads = [...leadOfRow.values(), ...rescored.leads];
      return { results: final, created: [...leadOfRow.values()], leads, activities: recorded, qualified: rescored.qualified };
    });

    await deps.emit?.(written, actorId, at);
    return written.results;
  };
}

/**
 * Undo what batches wrote: delete the leads they created and put back the values they changed —
 * each only if it is still at the version the batch left it at (nobody touched it since).
 */
export function createBatchRevert(deps: Pick<BatchIngestDeps, 'batches' | 'emit' | 'now'>) {
  const now = deps.now ?? (() => new Date());
  return async function revertBatch(request: BatchRevertRequest): Promise<BatchRevertResult> {
    const at = now();
    const written = await deps.batches.transaction(async (tx) => {
      // A lead several rows updated: the latest version, and each field's value before the first.
      const updated = new Map<string, { version: number; previous: Partial<LeadWritable> }>();
      for (const u of request.updated) {
        const seen = updated.get(u.id);
        updated.set(u.id, { version: Math.max(u.version, seen?.version ?? 0), previous: { ...u.previous, ...seen?.previous } });
      }
      const ids = [...request.created.map((c) => c.id), ...updated.keys()];
      const locked = new Map((await tx.lock({ kind: 'all' }, ids)).map((l) => [l.id, l]));
      const untouched = (id: string, version: number) => locked.get(id)?.version === version;
      const result: BatchRevertResult = { deleted: [], restored: [], kept: [] };
      for (const c of request.created) (untouched(c.id, c.version) ? result.deleted : result.kept).push(c.id);
      await tx.deleteMany(result.deleted);
      const activities: NewActivity[] = [];
      const leads: Lead[] = [];
      const deleted = new Set(result.deleted);
      for (const [id, u] of updated) {
        if (deleted.has(id)) continue;
        const lead = locked.get(id);
        if (!lead || !untouched(id, u.version)) {
          result.kept.push(id);
          continue;
        }
        const restored = await tx.update(id, u.previous, at);
        leads.push(restored);
        result.restored.push(id);
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        for (const [key, to] of Object.entries(u.previous)) changes[key] = { from: lead[key as keyof Lead], to };
        activities.push({ leadId: id, actorId: request.actorId, at, type: 'updated', data: { changes } });
      }
      const recorded = await tx.recordActivities(activities);
      await request.withinTransaction?.(tx, result);
      return { result, leads, activities: recorded };
    });
    await deps.emit?.({ created: [], leads: written.leads, activities: written.activities, qualified: [] }, request.actorId, at);
    return written.result;
  };
}

export type BatchIngest = ReturnType<typeof createBatchIngest>;
export type BatchRevert = ReturnType<typeof createBatchRevert>;
