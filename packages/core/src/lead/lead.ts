export const qualifications = ['cold', 'mql', 'sql'] as const;
export type Qualification = (typeof qualifications)[number];

/** A custom field value as stored in the lead's JSONB column (validated by core). */
export type CustomFieldValue = string | number | boolean | null | string[] | { amount: number; currency: string };

/** A lead as stored and returned by the API: normalized, phones in E.164. */
export interface Lead {
  id: string;
  firstName: string | null;
  lastName: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  company: string | null;
  jobTitle: string | null;
  website: string | null;
  nationalCode: string | null;
  telegramId: string | null;
  whatsappId: string | null;
  instagramId: string | null;
  fax: string | null;
  source: string | null;
  channel: string | null;
  channelIdentifier: string | null;
  stage: string;
  priority: string;
  industry: string | null;
  annualRevenue: number | null;
  employees: number | null;
  emailOptOut: boolean;
  street: string | null;
  poBox: string | null;
  postalCode: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  description: string | null;
  ownerId: string | null;
  score: number;
  qualification: Qualification;
  lastContactAt: Date | null;
  lastContactResult: string | null;
  archivedAt: Date | null;
  convertedAt: Date | null;
  /** The lead this one was merged into (`leads.merge`), and when: a UI redirects there. */
  mergedIntoId: string | null;
  mergedAt: Date | null;
  /** The earliest open task's due time and title (kept with every task change), for the list's column. */
  nextTaskAt: Date | null;
  nextTaskTitle: string | null;
  /** The first call, note or message after capture, and the business seconds it took (SLA). */
  firstResponseAt: Date | null;
  firstResponseSeconds: number | null;
  /** When the first response is due by the SLA (set within a minute of capture), and when it was missed. */
  slaDueAt: Date | null;
  slaBreachedAt: Date | null;
  customFields: Record<string, CustomFieldValue>;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields a caller writes; the rest (id, score, markers, version, timestamps) the system owns. */
export type LeadWritable = Pick<
  Lead,
  | 'firstName' | 'lastName' | 'mobile' | 'phone' | 'email' | 'company' | 'jobTitle' | 'website'
  | 'nationalCode' | 'telegramId' | 'whatsappId' | 'instagramId' | 'fax' | 'source' | 'channel'
  | 'channelIdentifier' | 'stage' | 'priority' | 'industry' | 'annualRevenue' | 'employees'
  | 'emailOptOut' | 'street' | 'poBox' | 'postalCode' | 'city' | 'province' | 'country'
  | 'description' | 'ownerId' | 'lastContactAt' | 'lastContactResult' | 'customFields'
>;
