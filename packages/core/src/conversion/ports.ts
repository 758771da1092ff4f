import type { ConversionIds } from '../extensions/points.js';
import type { LeadTransaction } from '../lead/ports.js';
import type { ContactWritable, OpportunityWritable, OrganizationWritable } from '../records/records.js';
import type { ConversionMapping } from './mapping.js';

/** Storage for conversion: the saved mapping, and one transaction for a whole conversion. */
export interface ConversionStore {
  /** The admin's mapping rows (the shipped defaults until changed). */
  loadMappings(): Promise<ConversionMapping[]>;
  /** Insert or replace rows by `(target, to)`. */
  saveMappings(rows: readonly ConversionMapping[]): Promise<void>;
  /** Remove rows by `(target, to)`; returns how many existed. */
  removeMappings(keys: readonly Pick<ConversionMapping, 'target' | 'to'>[]): Promise<number>;
  /** Run `work` in one transaction; inside it use only `tx` (see `LeadStore.transaction`). */
  transaction<T>(work: (tx: ConversionTransaction) => Promise<T>): Promise<T>;
}

/** The keys a contact is matched by, normalized (E.164 mobile, lower-cased email). */
export interface ContactKeys {
  mobile: string | null;
  email: string | null;
}

export interface ConversionTransaction {
  /** The lead's own operations (lock, update, activities) in the same transaction. */
  leads: LeadTransaction;
  /** Hold these keys until the transaction ends, so two conversions of one company or person cannot both create it. */
  claimKeys(keys: readonly string[]): Promise<void>;
  /** An organization with this normalized name (see `organizationNameKey`). */
  findOrganization(nameKey: string): Promise<string | null>;
  createOrganization(values: OrganizationWritable, leadId: string, at: Date): Promise<string>;
  /** The oldest contact with this mobile, else with this email. */
  findContact(keys: ContactKeys): Promise<string | null>;
  createContact(values: ContactWritable, leadId: string, at: Date): Promise<string>;
  createOpportunity(values: OpportunityWritable, leadId: string, at: Date): Promise<string>;
  /** Point the lead's activities and open tasks at the records, so their timelines carry its history. */
  linkHistory(leadId: string, ids: ConversionIds): Promise<void>;
}
