import type { LeadScope } from '../auth/roles.js';
import type { Picklists } from '../picklists/picklist.js';
import type { NewActivity } from './activity.js';
import type { Lead, LeadWritable } from './lead.js';
import type { LeadListQuery, LeadPage } from './query.js';

/**
 * Storage ports: core says what it needs, `@sarnakh/db` implements it. Every read and lock takes
 * the actor's scope, so authorization holds in the data layer whichever procedure asks.
 */
export interface LeadStore {
  get(scope: LeadScope, id: string): Promise<Lead | null>;
  list(scope: LeadScope, query: LeadListQuery): Promise<LeadPage>;
  /**
   * Run `work` in one database transaction: it all commits, or nothing does. Inside `work` use
   * only `tx`: the embedded database has one connection, which the transaction holds.
   */
  transaction<T>(work: (tx: LeadTransaction) => Promise<T>): Promise<T>;
}

/** System-owned markers a mutation may set alongside the writable fields. */
export type LeadMarkers = Partial<Pick<Lead, 'archivedAt' | 'convertedAt' | 'score' | 'qualification'>>;

export interface LeadTransaction {
  /** Lock the leads for update; returns those in scope, in no particular order. */
  lock(scope: LeadScope, ids: readonly string[]): Promise<Lead[]>;
  insert(lead: LeadWritable, at: Date): Promise<Lead>;
  /** Write `changes`, bump the version and `updatedAt`; the caller has checked the version. */
  update(id: string, changes: Partial<LeadWritable> & LeadMarkers, at: Date): Promise<Lead>;
  recordActivities(activities: readonly NewActivity[]): Promise<void>;
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

export interface CustomFieldSource {
  /** Keys of the custom fields that are defined and not archived. */
  activeKeys(): Promise<ReadonlySet<string>>;
}
