import type { LocalizedText } from '../i18n/locales.js';
import type { FieldError } from '../errors.js';
import type { currencyCodes } from '../fields/builtin-types.js';

/**
 * The records a qualified lead turns into. Each keeps the lead it came from (`leadId`, null when
 * created directly), so a record's history can be traced back to the lead's timeline.
 */
export const recordKinds = ['organization', 'contact', 'opportunity'] as const;
export type RecordKind = (typeof recordKinds)[number];

const L = (en: string, fa: string, ar: string): LocalizedText => ({ en, fa, ar });

/**
 * An opportunity's sales stages: a fixed set, so reports can tell open deals from won and lost
 * ones without an admin-defined meaning. Order is the usual progression.
 */
export const salesStages = ['prospecting', 'qualification', 'proposal', 'negotiation', 'closed_won', 'closed_lost'] as const;
export type SalesStage = (typeof salesStages)[number];
export const DEFAULT_SALES_STAGE: SalesStage = 'prospecting';

export const salesStageLabels: Record<SalesStage, LocalizedText> = {
  prospecting: L('Prospecting', 'شناسایی', 'استكشاف'),
  qualification: L('Qualification', 'ارزیابی', 'تأهيل'),
  proposal: L('Proposal', 'پیشنهاد', 'عرض'),
  negotiation: L('Negotiation', 'مذاکره', 'تفاوض'),
  closed_won: L('Closed won', 'موفق', 'مغلقة بنجاح'),
  closed_lost: L('Closed lost', 'ناموفق', 'مغلقة بالخسارة'),
};

/**
 * An opportunity's currency: the ISO 4217 codes currency fields take (`currencyCodes`), where `IRT`
 * (toman, a tenth of a rial) is how most Iranian teams quote prices.
 */
export type Currency = (typeof currencyCodes)[number];
/** The currency of an amount given without one. */
export const DEFAULT_CURRENCY: Currency = 'IRR';

interface RecordBase {
  id: string;
  ownerId: string | null;
  /** The lead this record was converted from. */
  leadId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Organization extends RecordBase {
  name: string;
  phone: string | null;
  website: string | null;
  industry: string | null;
  city: string | null;
}

export interface Contact extends RecordBase {
  firstName: string | null;
  lastName: string | null;
  mobile: string | null;
  email: string | null;
  jobTitle: string | null;
  organizationId: string | null;
}

export interface Opportunity extends RecordBase {
  name: string;
  amount: number | null;
  currency: Currency | null;
  /** A calendar day, `YYYY-MM-DD`. */
  expectedCloseDate: string;
  salesStage: SalesStage;
  organizationId: string | null;
  contactId: string | null;
}

type System = keyof RecordBase;
export type OrganizationWritable = Omit<Organization, System> & Pick<RecordBase, 'ownerId'>;
export type ContactWritable = Omit<Contact, System> & Pick<RecordBase, 'ownerId'>;
export type OpportunityWritable = Omit<Opportunity, System> & Pick<RecordBase, 'ownerId'>;

export interface RecordTypes {
  organization: { record: Organization; writable: OrganizationWritable };
  contact: { record: Contact; writable: ContactWritable };
  opportunity: { record: Opportunity; writable: OpportunityWritable };
}

/** Failures of a record operation, as values; the API maps each code to a transport error. */
export type RecordFailure =
  | { code: 'VALIDATION'; fields: FieldError[] }
  | { code: 'NOT_FOUND'; id: string }
  | { code: 'CONFLICT'; id: string; currentVersion: number }
  /** An organization with the same normalized name exists: `id` is that one. */
  | { code: 'DUPLICATE'; id: string };
