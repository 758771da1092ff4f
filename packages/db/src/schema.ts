import type { ColumnType, Generated, Selectable } from 'kysely';

/**
 * Table types as the application sees them (camelCase; the CamelCasePlugin maps them to the
 * snake_case columns the migrations create).
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Set by the database when omitted. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string, T | string>;

export interface UsersTable {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  image: string | null;
  role: 'admin' | 'manager' | 'agent';
  active: Generated<boolean>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface SessionsTable {
  id: string;
  expiresAt: Timestamp;
  token: string;
  createdAt: GeneratedTimestamp;
  updatedAt: Timestamp;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
}

export interface AccountsTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  accessTokenExpiresAt: Timestamp | null;
  refreshTokenExpiresAt: Timestamp | null;
  scope: string | null;
  password: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: Timestamp;
}

export interface PicklistValuesTable {
  list: string;
  key: string;
  label: Json<{ fa: string; ar: string; en: string }>;
  position: number;
  color: string | null;
  won: Generated<boolean>;
  lost: Generated<boolean>;
  retiredAt: Timestamp | null;
}

export interface LeadsTable {
  id: Generated<string>;
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
  /** numeric: drivers return it as a string. */
  annualRevenue: ColumnType<string | null, number | string | null, number | string | null>;
  employees: number | null;
  emailOptOut: Generated<boolean>;
  street: string | null;
  poBox: string | null;
  postalCode: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  description: string | null;
  ownerId: string | null;
  score: Generated<number>;
  qualification: Generated<'cold' | 'mql' | 'sql'>;
  /** The plugin scorers' part of `score` (see core's `LeadMarkers`); not part of the API's lead. */
  pluginScore: Generated<number>;
  lastContactAt: Timestamp | null;
  lastContactResult: string | null;
  archivedAt: Timestamp | null;
  convertedAt: Timestamp | null;
  /** Set when the lead was merged into another (`leads.merge`); such leads are gone from lists. */
  mergedIntoId: ColumnType<string | null, string | null | undefined, string | null>;
  mergedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The earliest open task (kept by the task repository in each task change's transaction). */
  nextTaskAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  nextTaskTitle: ColumnType<string | null, string | null | undefined, string | null>;
  firstResponseAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  firstResponseSeconds: ColumnType<number | null, number | null | undefined, number | null>;
  slaDueAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  slaBreachedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Internal (not on the API's lead): the SLA target that set `slaDueAt`, and where the clock is. */
  slaPolicy: ColumnType<string | null, string | null | undefined, string | null>;
  slaState: ColumnType<'pending' | 'met' | 'breached' | 'none', 'pending' | 'met' | 'breached' | 'none' | undefined, 'pending' | 'met' | 'breached' | 'none'>;
  customFields: Json<Record<string, unknown>>;
  searchText: string;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface LeadActivitiesTable {
  id: Generated<string>;
  leadId: string;
  type: string;
  actorId: string | null;
  data: Json<Record<string, unknown>>;
  createdAt: Timestamp;
  /** Set when the lead is converted, so the new records' timelines carry the lead's history. */
  organizationId: ColumnType<string | null, string | null | undefined, string | null>;
  contactId: ColumnType<string | null, string | null | undefined, string | null>;
  opportunityId: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Columns every converted-into record has (see `0005_related_records`). */
interface RecordColumns {
  id: Generated<string>;
  ownerId: string | null;
  leadId: string | null;
  /** Names (and a contact's phone and email) folded by `searchKey`, for trigram search. */
  searchText: string;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface OrganizationsTable extends RecordColumns {
  name: string;
  /** `organizationNameKey(name)`: unique, so a company is one organization. */
  nameKey: string;
  phone: string | null;
  website: string | null;
  industry: string | null;
  city: string | null;
}

export interface ContactsTable extends RecordColumns {
  firstName: string | null;
  lastName: string | null;
  mobile: string | null;
  email: string | null;
  jobTitle: string | null;
  organizationId: string | null;
}

export interface OpportunitiesTable extends RecordColumns {
  name: string;
  /** numeric: drivers return it as a string. */
  amount: ColumnType<string | null, number | string | null, number | string | null>;
  currency: string | null;
  /** date: read back as text (`YYYY-MM-DD`) through a cast, never as a time-zone-shifted Date. */
  expectedCloseDate: ColumnType<string | Date, string, string>;
  salesStage: string;
  organizationId: string | null;
  contactId: string | null;
}

export interface ConversionMappingsTable {
  target: string;
  to: string;
  from: string;
  updatedAt: GeneratedTimestamp;
}

export interface ApiKeysTable {
  id: Generated<string>;
  name: string;
  /** The first characters of the key, shown so people can tell keys apart. */
  start: string;
  /** SHA-256 of the key: the key itself is shown once and never stored. */
  keyHash: string;
  scopes: Json<string[]>;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  lastUsedAt: Timestamp | null;
  expiresAt: Timestamp | null;
  revokedAt: Timestamp | null;
  kind: ColumnType<'server' | 'form', 'server' | 'form' | undefined, 'server' | 'form'>;
  /** Lead input defaults for captured leads (source, channel, owner, duplicate policy). */
  defaults: ColumnType<Record<string, unknown>, Record<string, unknown> | string | undefined, Record<string, unknown> | string>;
  rateLimitPerMinute: ColumnType<number, number | undefined, number>;
  allowedOrigins: ColumnType<string[], string[] | string | undefined, string[] | string>;
}

export interface PluginStateTable {
  pluginId: string;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  settings: Json<Record<string, unknown>> | null;
  updatedBy: string | null;
  updatedAt: GeneratedTimestamp;
}

export interface CaptureRequestsTable {
  apiKeyId: string;
  idempotencyKey: string;
  requestHash: string;
  /** Null while the first request is still running. */
  status: number | null;
  response: Json<Record<string, unknown>> | null;
  createdAt: GeneratedTimestamp;
}

export interface RateLimitBucketsTable {
  bucket: string;
  windowStart: Timestamp;
  hits: number;
}

export interface SettingsTable {
  key: string;
  value: Json<unknown>;
  updatedAt: GeneratedTimestamp;
}

/** The organization's settings: one row (`singleton` is always true), none until first saved. */
export interface OrgSettingsTable {
  singleton: ColumnType<boolean, boolean | undefined, never>;
  calendar: string;
  defaultLocale: string;
  defaultCurrency: string;
  updatedBy: string | null;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

/** One merge of leads, kept so it can be listed and undone (`leads.merges`, `leads.unmerge`). */
export interface LeadMergesTable {
  id: Generated<string>;
  survivorId: string;
  mergedIds: Json<string[]>;
  /** The survivor's values the merge changed, as they were before it (API field names). */
  survivorBefore: Json<Record<string, unknown>>;
  /** The same fields as the merge left them: an unmerge checks the survivor still has these. */
  survivorAfter: Json<Record<string, unknown>>;
  movedActivityIds: Json<{ id: string; from: string }[]>;
  movedTaskIds: Json<{ id: string; from: string }[]>;
  actorId: string | null;
  createdAt: Timestamp;
  undoneAt: Timestamp | null;
  undoneBy: string | null;
}

export interface MessageTemplatesTable {
  id: Generated<string>;
  name: string;
  channel: 'sms' | 'whatsapp' | 'email';
  body: Json<Partial<Record<'fa' | 'ar' | 'en', string>>>;
  subject: Json<Partial<Record<'fa' | 'ar' | 'en', string>>> | null;
  archivedAt: Timestamp | null;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface CustomFieldsTable {
  key: string;
  type: string;
  label: Json<{ fa: string; ar: string; en: string }>;
  required: Generated<boolean>;
  /** Already normalized by the field's type; null: no default. */
  defaultValue: Json<unknown> | null;
  options: ColumnType<unknown[], unknown[] | string | undefined, unknown[] | string>;
  validation: ColumnType<Record<string, unknown>, Record<string, unknown> | string | undefined, Record<string, unknown> | string>;
  indexed: Generated<boolean>;
  position: Generated<number>;
  archivedAt: Timestamp | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface LayoutsTable {
  kind: 'create' | 'detail' | 'list';
  definition: Json<Record<string, unknown>>;
  updatedBy: string | null;
  updatedAt: GeneratedTimestamp;
}

export interface TasksTable {
  id: Generated<string>;
  leadId: string;
  organizationId: ColumnType<string | null, string | null | undefined, string | null>;
  contactId: ColumnType<string | null, string | null | undefined, string | null>;
  opportunityId: ColumnType<string | null, string | null | undefined, string | null>;
  title: string;
  type: string;
  urgent: Generated<boolean>;
  dueAt: Timestamp;
  remindAt: Timestamp | null;
  remindedAt: Timestamp | null;
  assigneeId: string | null;
  createdBy: string | null;
  completedAt: Timestamp | null;
  completedBy: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  userId: string;
  type: string;
  leadId: string | null;
  taskId: string | null;
  data: Json<Record<string, unknown>>;
  /** One notification per key: a retried job writes nothing twice. */
  dedupKey: string;
  readAt: Timestamp | null;
  createdAt: Timestamp;
}

export interface SarnakhDatabase {
  settings: SettingsTable;
  orgSettings: OrgSettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  accounts: AccountsTable;
  picklistValues: PicklistValuesTable;
  leads: LeadsTable;
  leadActivities: LeadActivitiesTable;
  tasks: TasksTable;
  notifications: NotificationsTable;
  organizations: OrganizationsTable;
  contacts: ContactsTable;
  opportunities: OpportunitiesTable;
  conversionMappings: ConversionMappingsTable;
  customFields: CustomFieldsTable;
  layouts: LayoutsTable;
  leadMerges: LeadMergesTable;
  messageTemplates: MessageTemplatesTable;
  apiKeys: ApiKeysTable;
  pluginState: PluginStateTable;
  captureRequests: CaptureRequestsTable;
  rateLimitBuckets: RateLimitBucketsTable;
}

export type LeadRow = Selectable<LeadsTable>;
