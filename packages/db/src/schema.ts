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

export interface SarnakhDatabase {
  settings: SettingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  accounts: AccountsTable;
  picklistValues: PicklistValuesTable;
  leads: LeadsTable;
  leadActivities: LeadActivitiesTable;
  apiKeys: ApiKeysTable;
  pluginState: PluginStateTable;
  captureRequests: CaptureRequestsTable;
  rateLimitBuckets: RateLimitBucketsTable;
}

export type LeadRow = Selectable<LeadsTable>;
