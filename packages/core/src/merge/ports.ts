import type { LeadScope } from '../auth/roles.js';
import type { Lead } from '../lead/lead.js';
import type { DuplicateKeys, LeadTransaction } from '../lead/ports.js';

/** A row that a merge moved from one lead to the survivor: an activity or a task. */
export interface MovedRow {
  id: string;
  /** The lead it belonged to before the merge. */
  from: string;
}

/** One merge, as kept for the history and for undoing it. */
export interface MergeRecord {
  id: string;
  survivorId: string;
  mergedIds: string[];
  /** The survivor's fields the merge changed, before it (API names; `customFields` whole). */
  survivorBefore: Record<string, unknown>;
  /** The same fields as the merge left them. */
  survivorAfter: Record<string, unknown>;
  movedActivityIds: MovedRow[];
  movedTaskIds: MovedRow[];
  actorId: string | null;
  createdAt: Date;
  undoneAt: Date | null;
  undoneBy: string | null;
}

export type NewMergeRecord = Omit<MergeRecord, 'id' | 'undoneAt' | 'undoneBy'>;

/** What finds a lead's possible duplicates: its numbers and email, and a folded name + company prefix. */
export interface DuplicateProbe extends DuplicateKeys {
  /** `searchKey`s of first name, last name and company, joined by spaces; null: too little to match on. */
  namePrefix: string | null;
}

export type DuplicateGroupKey = 'phone' | 'email';

export interface DuplicateGroupRow {
  key: string;
  /** How many live leads share the key (the group may list fewer). */
  count: number;
  /** Oldest first, at most the store's cap per group. */
  leads: Lead[];
}

export interface MergeStore {
  /**
   * Live (unarchived, unmerged) leads in scope, other than `excludeId`, sharing a number (in either
   * phone column), the email, or starting their search document with `namePrefix`. Each probe
   * is an indexed lookup. Oldest first, at most `limit`.
   */
  duplicatesOf(scope: LeadScope, probe: DuplicateProbe, excludeId: string, limit: number): Promise<Lead[]>;
  /**
   * Keys shared by two or more live leads, in key order after `after`, at most `limit`, reading a
   * bounded stretch of the key indexes per call. `next`: where the following call goes on (null:
   * the end); a page may hold fewer than `limit` groups when the stretch read had fewer.
   */
  duplicateGroups(by: DuplicateGroupKey, after: string | null, limit: number): Promise<{ groups: DuplicateGroupRow[]; next: string | null }>;
  /** Merges the lead took part in (as survivor or merged), newest first. */
  history(leadId: string): Promise<MergeRecord[]>;
  /** One transaction; inside `work` use only `tx` (see `LeadStore.transaction`). */
  transaction<T>(work: (tx: MergeTransaction) => Promise<T>): Promise<T>;
}

export interface MergeTransaction extends LeadTransaction {
  /** Give every activity of `from` leads to `to`; returns what moved. */
  moveActivities(from: readonly string[], to: string): Promise<MovedRow[]>;
  /** Give every task of `from` leads to `to`; returns what moved. */
  moveTasks(from: readonly string[], to: string): Promise<MovedRow[]>;
  /** Put moved activities back on their leads, those still on `current`. */
  returnActivities(rows: readonly MovedRow[], current: string): Promise<void>;
  /** Put moved tasks back on their leads, those still on `current`. */
  returnTasks(rows: readonly MovedRow[], current: string): Promise<void>;
  /** Leads whose tasks changed hands: let the task bookkeeping on them (next task) catch up. */
  tasksMoved(leadIds: readonly string[]): Promise<void>;
  insertMerge(record: NewMergeRecord): Promise<MergeRecord>;
  /** The merge, locked against a concurrent unmerge; null when there is none. */
  lockMerge(id: string): Promise<MergeRecord | null>;
  /** Whether a merge into `survivorId` newer than `than` is still in force. */
  hasLaterMerge(survivorId: string, than: MergeRecord): Promise<boolean>;
  markUndone(id: string, by: string | null, at: Date): Promise<MergeRecord>;
}
