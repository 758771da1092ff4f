import type { LeadScope } from '../auth/roles.js';
import type { FieldDefinitionSource } from '../fields/ports.js';
import type { Picklists } from '../picklists/picklist.js';
import type { Activity, DuplicateField, NewActivity } from './activity.js';
import type { Lead, LeadWritable, Qualification } from './lead.js';
import type { LeadListQuery, LeadPage } from './query.js';

/**
 * Storage ports: core says what it needs, `@sarnakh/db` implements it. Every read and lock takes
 * the actor's scope, so authorization holds in the data layer whichever procedure asks.
 */
export interface LeadStore {
  get(scope: LeadScope, id: string): Promise<Lead | null>;
  list(scope: LeadScope, query: LeadListQuery): Promise<LeadPage>;
  /** The oldest unarchived lead sharing a number or email with `keys`, in any scope (see `DuplicateKeys`). */
  findDuplicate(keys: DuplicateKeys): Promise<DuplicateMatch | null>;
  /** What rescoring needs beyond the leads themselves (see `ScoringFacts`), by lead id. */
  scoringFacts(ids: readonly string[], activityTypes: readonly string[]): Promise<Map<string, ScoringFacts>>;
  /**
   * Run `work` in one database transaction: it all commits, or nothing does. Inside `work` use
   * only `tx`: the embedded database has one connection, which the transaction holds.
   */
  transaction<T>(work: (tx: LeadTransaction) => Promise<T>): Promise<T>;
}

/**
 * System-owned markers a mutation may set alongside the writable fields. `pluginScore` is the part
 * of `score` that plugin scorers gave (stored, not part of `Lead`): rescoring from the rules keeps it.
 */
export type LeadMarkers = Partial<Pick<Lead, 'archivedAt' | 'convertedAt' | 'mergedIntoId' | 'mergedAt' | 'score' | 'qualification'>> & { pluginScore?: number };

/** A lead's stored score: the total, its qualification, and the plugin scorers' part of it. */
export interface LeadScore {
  score: number;
  qualification: Qualification;
  pluginScore: number;
}

/** A lead's scoring inputs beyond its fields: the plugin scorers' stored points and its activities. */
export interface ScoringFacts {
  pluginScore: number;
  /** The lead's activities of the requested types, in no particular order. */
  activities: { type: string; at: Date }[];
}

/**
 * What identifies a person across submissions, normalized: numbers in E.164 (matched against both
 * the mobile and the phone column, since people swap them) and lower-cased emails.
 */
export interface DuplicateKeys {
  phones: readonly string[];
  emails: readonly string[];
}

export interface DuplicateMatch {
  lead: Lead;
  field: DuplicateField;
}

export interface LeadTransaction {
  /**
   * Hold these keys until the transaction ends, so two submissions of one person (on any server
   * process) are checked and written one after the other, never both as new.
   */
  claimDuplicateKeys(keys: DuplicateKeys): Promise<void>;
  findDuplicate(keys: DuplicateKeys): Promise<DuplicateMatch | null>;
  /** Lock the leads for update; returns those in scope, in no particular order. */
  lock(scope: LeadScope, ids: readonly string[]): Promise<Lead[]>;
  insert(lead: LeadWritable, at: Date, markers?: LeadMarkers): Promise<Lead>;
  /** Write `changes`, bump the version and `updatedAt`; the caller has checked the version. */
  update(id: string, changes: Partial<LeadWritable> & LeadMarkers, at: Date): Promise<Lead>;
  /** Returns them as stored (with ids), in the same order. */
  recordActivities(activities: readonly NewActivity[]): Promise<Activity[]>;
  /** As `LeadStore.scoringFacts`, inside the transaction (activities recorded in it included). */
  scoringFacts(ids: readonly string[], activityTypes: readonly string[]): Promise<Map<string, ScoringFacts>>;
  /**
   * Write a lead's score, qualification and plugin points. Neither `version` nor `updatedAt`
   * changes: a rescore is the system's bookkeeping, not an edit that should conflict with one.
   */
  setScore(id: string, score: LeadScore): Promise<Lead>;
  /**
   * Record the lead's first response (a call, a note, an SMS sent) and the business seconds it took,
   * which also meets a pending response deadline. Only the first counts; a lead that has one is
   * returned as it is. No version bump: it is the SLA's bookkeeping.
   */
  setFirstResponse(id: string, at: Date, businessSeconds: number): Promise<Lead>;
}

export interface AssignableUser {
  id: string;
  active: boolean;
}

export interface UserDirectory {
  findUsers(ids: readonly string[]): Promise<AssignableUser[]>;
}

export interface PicklistSource {
  load(): Promise<Picklists>;
}

export interface CustomFieldSource extends FieldDefinitionSource {
  /** Keys of the custom fields that are defined and not archived. */
  activeKeys(): Promise<ReadonlySet<string>>;
}
