import type { SlaSettings } from './settings.js';

/** Where the SLA settings live (`@sarnakh/db`: the `sla.settings` setting). */
export interface SlaSettingsStore {
  load(): Promise<SlaSettings>;
  save(settings: SlaSettings): Promise<void>;
}

/** A new lead waiting for its response deadline to be set. */
export interface UnarmedLead {
  id: string;
  source: string | null;
  priority: string;
  createdAt: Date;
}

/** The SLA sweep's reads and bookkeeping outside transactions. */
export interface SlaStore {
  /** Leads captured since the SLA began whose deadline is not set yet, oldest first. */
  unarmed(limit: number): Promise<UnarmedLead[]>;
  /** Set deadlines; a null `dueAt` means the lead has none (SLA off, or no working time). */
  arm(deadlines: readonly { id: string; dueAt: Date | null; policy: string }[]): Promise<void>;
  /** Stop the clock of pending leads that were archived, merged or converted. */
  settleClosed(): Promise<number>;
  /** Pending leads whose deadline is at or before `now`, earliest first. */
  due(now: Date, limit: number): Promise<string[]>;
  /** Active users with the manager role, who hear of every missed deadline. */
  managerIds(): Promise<string[]>;
}

/** SLA writes inside a follow-up transaction. */
export interface SlaWrites {
  /**
   * Mark a lead breached if its deadline is still pending and has passed at `now`, once: returns
   * the deadline and its policy, or null when there is nothing to breach (answered, closed, done).
   */
  claimBreach(leadId: string, now: Date): Promise<{ dueAt: Date; policy: string } | null>;
}
