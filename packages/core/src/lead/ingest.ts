import { canAssignToOthers, type Actor } from '../auth/roles.js';
import type { LeadFailure } from '../errors.js';
import type { AssignmentRules } from '../distribution/rules.js';
import type { DistributableLead, DistributionStrategy, Scorer, ScoreReason } from '../extensions/points.js';
import type { Locale } from '../i18n/locales.js';
import type { LeadEvents } from '../plugins/hooks.js';
import { err, ok, type Result } from '../result.js';
import type { Activity, AssignmentReason, LeadOrigin, NewActivity } from './activity.js';
import { explainBehavior, explainFitRules, sumPoints, type ScoredActivity } from '../scoring/evaluate.js';
import type { QualificationChange } from '../scoring/ports.js';
import { clampScore, defaultQualificationThresholds, qualificationFor, type QualificationThresholds } from '../scoring/qualification.js';
import { rescoreInTransaction } from '../scoring/rescore.js';
import type { ScoringRules } from '../scoring/rules.js';
import type { Lead, LeadWritable, Qualification } from './lead.js';
import { checkOwner } from './owner.js';
import type { DuplicateKeys, DuplicateMatch, LeadStore, UserDirectory } from './ports.js';
import { prepareLead, type PrepareContext } from './prepare.js';
import type { LeadInput } from './schema.js';

/**
 * What to do when a submission matches an existing lead by mobile, phone or email:
 * `attach` logs it on the existing lead and returns that lead; `create` makes a new lead anyway;
 * `reject` refuses with `DUPLICATE`, naming the existing lead.
 */
export const duplicatePolicies = ['attach', 'create', 'reject'] as const;
export type DuplicatePolicy = (typeof duplicatePolicies)[number];

export interface IngestRequest {
  input: LeadInput;
  /** Who submits: a signed-in user, or null for the system (capture, SMS, imports, jobs). */
  actor: Actor | null;
  duplicatePolicy: DuplicatePolicy;
  origin: LeadOrigin;
  /** Values for fields the input leaves empty (an API key's source and channel). */
  defaults?: Partial<LeadInput>;
  locale?: Locale;
}

export { defaultQualificationThresholds, qualificationFor, type QualificationThresholds } from '../scoring/qualification.js';

export type IngestOutcome =
  | { status: 'created'; lead: Lead; duplicateOf: null }
  | { status: 'attached'; lead: Lead; duplicateOf: string };

/** An owner chosen automatically, and why. */
export interface Assignment {
  ownerId: string;
  reason: AssignmentReason;
}

/** Where events go after a commit: the plugin host's hooks. Failures there never undo the lead. */
export interface LeadEventSink {
  emit<K extends keyof LeadEvents & string>(name: K, payload: LeadEvents[K]): Promise<unknown>;
}

export interface IngestDeps {
  leads: LeadStore;
  users: UserDirectory;
  /**
   * Picklists and custom fields for validation, in the caller's language. With `origin`, a new
   * lead's context: people's entries (`web`, `api`) also get the create layout's required fields.
   */
  prepareContext(locale: Locale | undefined, origin?: LeadOrigin): Promise<PrepareContext>;
  /** The enabled plugins' scorers (read per lead, so enabling a plugin takes effect at once); core's fit rules come from `rules`. */
  scorers?: () => readonly Scorer[];
  thresholds?: () => QualificationThresholds | Promise<QualificationThresholds>;
  /**
   * The scoring rules, for the points a timeline earns (behavior rules) and for rescoring a lead
   * after a change. Without them a lead is scored once, by `scorers`, when it is created.
   */
  rules?: () => ScoringRules | Promise<ScoringRules>;
  /** Assignment rules → strategy, for a lead that arrives without an owner. */
  distribute?: (
    lead: Readonly<DistributableLead>,
    strategies: readonly DistributionStrategy[],
    options?: { rules?: AssignmentRules },
  ) => Promise<Assignment | null>;
  /** The assignment rules `distribute` reads, for a batch to read them once (`distribute(…, { rules })`). */
  distributionRules?: () => Promise<AssignmentRules>;
  strategies?: () => readonly DistributionStrategy[];
  events?: LeadEventSink;
  /** Told when a scorer throws; the lead is still scored by the others. */
  onScorerError?: (failure: { scorer: string; error: unknown }) => void;
  now?: () => Date;
}

export interface ScoreResult {
  score: number;
  qualification: Qualification;
  /** Each reason with the id of the scorer that gave it. */
  reasons: (ScoreReason & { scorer: string })[];
}

/** Sum every scorer's points; a scorer that throws is skipped, so one plugin cannot block capture. */
export async function scoreLead(
  lead: Readonly<LeadWritable>,
  scorers: readonly Scorer[],
  thresholds: QualificationThresholds,
): Promise<ScoreResult & { failed: { scorer: string; error: unknown }[] }> {
  const reasons: (ScoreReason & { scorer: string })[] = [];
  const failed: { scorer: string; error: unknown }[] = [];
  for (const scorer of scorers) {
    try {
      for (const reason of await scorer.score({ lead })) reasons.push({ ...reason, scorer: scorer.id });
    } catch (error) {
      failed.push({ scorer: scorer.id, error });
    }
  }
  const score = sumPoints(reasons);
  return { score, qualification: qualificationFor(score, thresholds), reasons, failed };
}

/** The keys a lead is deduplicated by. */
export function duplicateKeysOf(lead: Pick<LeadWritable, 'mobile' | 'phone' | 'email'>): DuplicateKeys {
  const phones = [...new Set([lead.mobile, lead.phone].filter((v): v is string => v !== null))];
  return { phones, emails: lead.email === null ? [] : [lead.email] };
}

const hasKeys = (keys: DuplicateKeys) => keys.phones.length > 0 || keys.emails.length > 0;

/** Fill empty input fields from defaults (trimmed-empty strings count as empty). */
export function withDefaults(input: LeadInput, defaults: Partial<LeadInput> | undefined): LeadInput {
  if (!defaults) return input;
  const out: Record<string, unknown> = { ...input };
  for (const [key, value] of Object.entries(defaults)) {
    const current = out[key];
    if (current === undefined || current === null || (typeof current === 'string' && current.trim() === '')) out[key] = value;
  }
  return out as LeadInput;
}

/** The submitted values worth showing on the existing lead's timeline: the non-empty ones. */
function submittedFields(lead: LeadWritable): Partial<Record<keyof LeadWritable, unknown>> {
  const out: Partial<Record<keyof LeadWritable, unknown>> = {};
  for (const [key, value] of Object.entries(lead) as [keyof LeadWritable, unknown][]) {
    if (value === null || value === '' || value === false) continue;
    if (typeof value === 'object' && !(value instanceof Date) && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out;
}

/**
 * The ingest pipeline: normalize → validate → find duplicates → create or apply the duplicate
 * policy → score → distribute → activities → events. Every way a lead arrives goes through it.
 *
 * Reads that other plugins serve (scorers, distribution strategies, the owner check) run before
 * the transaction: on the embedded database the transaction holds the only connection. The
 * duplicate check runs twice: once early (so `attach` and `reject` cost no rotation of a
 * round-robin), and again inside the transaction under a lock on the keys, which is the one that
 * counts when two submissions of one person race.
 */
export function createIngest(deps: IngestDeps) {
  const now = deps.now ?? (() => new Date());

  /** Whether the actor may be handed this existing lead (an agent only their own). */
  const mayAttachTo = (actor: Actor | null, lead: Lead) =>
    actor === null || canAssignToOthers(actor) || lead.ownerId === actor.userId;

  function duplicateFailure(match: DuplicateMatch): LeadFailure {
    return { code: 'DUPLICATE', id: match.lead.id, field: match.field };
  }

  async function emitAll(events: readonly { [K in keyof LeadEvents & string]: { name: K; payload: LeadEvents[K] } }[keyof LeadEvents & string][]) {
    if (!deps.events) return;
    for (const event of events) await deps.events.emit(event.name, event.payload as never);
  }

  return async function ingest(request: IngestRequest): Promise<Result<IngestOutcome, LeadFailure>> {
    const { actor, locale, origin, duplicatePolicy } = request;
    const actorId = actor?.userId ?? null;

    // normalize + validate
    const prepared = prepareLead(withDefaults(request.input, request.defaults), await deps.prepareContext(locale, origin));
    if (!prepared.ok) return err({ code: 'VALIDATION', fields: prepared.error });
    const lead = prepared.value;
    if (actor?.role === 'agent' && lead.ownerId === null) lead.ownerId = actor.userId;
    const ownerProblem = await checkOwner(deps.users, actor, lead.ownerId, locale);
    if (ownerProblem) return err(ownerProblem);

    // duplicates, early look
    const keys = duplicateKeysOf(lead);
    let likelyAttach = false;
    if (duplicatePolicy !== 'create' && hasKeys(keys)) {
      const early = await deps.leads.findDuplicate(keys);
      if (early && (duplicatePolicy === 'reject' || !mayAttachTo(actor, early.lead))) return err(duplicateFailure(early));
      likelyAttach = early !== null;
    }

    // score
    const thresholds = (await deps.thresholds?.()) ?? defaultQualificationThresholds;
    const rules = (await deps.rules?.()) ?? null;
    // Plugin points are kept apart (`pluginScore`): a later rescore in SQL cannot call plugins.
    const plugin = await scoreLead(lead, deps.scorers?.() ?? [], thresholds);
    for (const failure of plugin.failed) deps.onScorerError?.(failure);
    const fitPoints = rules ? sumPoints(explainFitRules(lead, rules.fit)) : 0;
    const scoreNow = clampScore(plugin.score + fitPoints);

    // distribute
    let assignment: Assignment | null = null;
    // A submission that will be attached to an existing lead takes nobody's turn. (If that lead is
    // archived in the instant before the transaction, the new lead is created without an owner.)
    if (lead.ownerId === null && deps.distribute && !likelyAttach) {
      // Rules and strategies see the score just given (score bands route hot leads).
      assignment = await deps.distribute({ ...lead, score: scoreNow, qualification: qualificationFor(scoreNow, thresholds) }, deps.strategies?.() ?? []);
      if (assignment) lead.ownerId = assignment.ownerId;
    }

    const at = now();
    type Written =
      | { kind: 'created'; lead: Lead; activities: Activity[] }
      | { kind: 'attached'; lead: Lead; activities: Activity[]; qualified: QualificationChange[] }
      | { kind: 'duplicate'; match: DuplicateMatch };

    const written = await deps.leads.transaction(async (tx): Promise<Written> => {
      if (duplicatePolicy !== 'create' && hasKeys(keys)) {
        await tx.claimDuplicateKeys(keys);
        const match = await tx.findDuplicate(keys);
        if (match) {
          if (duplicatePolicy === 'reject' || !mayAttachTo(actor, match.lead)) return { kind: 'duplicate', match };
          // The repeat submission joins the timeline behavior rules score: lock, record, rescore.
          const existing = rules ? await tx.lock({ kind: 'all' }, [match.lead.id]) : [];
          const activities = await tx.recordActivities([
            {
              leadId: match.lead.id,
              actorId,
              at,
              type: 'duplicate_submitted',
              data: { origin, matchedOn: match.field, submitted: submittedFields(lead) },
            },
          ]);
          if (!rules || existing.length === 0) return { kind: 'attached', lead: match.lead, activities, qualified: [] };
          const rescored = await rescoreInTransaction(tx, existing, rules, at);
          return { kind: 'attached', lead: rescored.leads[0] ?? match.lead, activities, qualified: rescored.qualified };
        }
      }
      // Behavior rules may count the activities a new lead starts with (`created`, `assigned`).
      const firstActivities: ScoredActivity[] = [{ type: 'created', at }, ...(lead.ownerId === null ? [] : [{ type: 'assigned', at }])];
      const score = clampScore(scoreNow + (rules ? sumPoints(explainBehavior(firstActivities, rules.behavior, at)) : 0));
      const row = await tx.insert(lead, at, {
        score,
        qualification: qualificationFor(score, thresholds),
        pluginScore: plugin.score,
      });
      const base = { leadId: row.id, actorId, at };
      const activities: NewActivity[] = [{ ...base, type: 'created', data: { source: row.source, channel: row.channel, origin } }];
      if (row.ownerId !== null) {
        activities.push({
          ...base,
          type: 'assigned',
          data: { from: null, to: row.ownerId, ...(assignment ? { via: assignment.reason } : {}) },
        });
      }
      return { kind: 'created', lead: row, activities: await tx.recordActivities(activities) };
    });

    if (written.kind === 'duplicate') return err(duplicateFailure(written.match));
    const base = { lead: written.lead, actorId, at };
    if (written.kind === 'attached') {
      await emitAll([
        ...written.activities.map((activity) => ({ name: 'activity.logged' as const, payload: { ...base, activity } })),
        ...written.qualified.map(({ from, to }) => ({ name: 'lead.qualified' as const, payload: { ...base, from, to } })),
      ]);
      return ok({ status: 'attached', lead: written.lead, duplicateOf: written.lead.id });
    }
    await emitAll([
      { name: 'lead.created', payload: base },
      ...(written.lead.ownerId === null ? [] : [{ name: 'lead.assigned' as const, payload: { ...base, from: null, to: written.lead.ownerId } }]),
    ]);
    return ok({ status: 'created', lead: written.lead, duplicateOf: null });
  };
}

export type Ingest = ReturnType<typeof createIngest>;
