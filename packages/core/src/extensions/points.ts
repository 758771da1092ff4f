import type { z } from 'zod';
import type { Locale, LocalizedText } from '../i18n/locales.js';
import type { CustomFieldValue, Lead, LeadWritable } from '../lead/lead.js';
import { createExtensionPoint } from '../plugins/extension-point.js';

/**
 * The extension points core owns, as typed tokens. A plugin contributes with
 * `ctx.register(scorers, { … })` in `provide()`; core and the other layers read them with
 * `{ enabledOnly: host.isEnabled }`, so a disabled plugin's contributions drop out at once.
 *
 * Jobs, migrations, the API (tRPC router and Hono routes) and the admin half are not tokens: they
 * are parts of `definePlugin` that the jobs runner, `@sarnakh/db`, `@sarnakh/api`, the server and
 * the web app interpret. Events are the typed hooks on `ctx.hooks`.
 */

/**
 * How a custom field's values are kept in JSONB and indexed: `text` (and `timestamp`, kept as
 * ISO-8601 text) compare as text, `number` and `money` (its amount) as numeric, `boolean` as
 * boolean; `list` (a multi-select's keys) is filtered by item and neither sorted nor indexed.
 * `fieldStorageSql` in `fields/` says which SQL cast each uses.
 */
export type FieldStorage = 'text' | 'number' | 'timestamp' | 'boolean' | 'money' | 'list';

/** How an admin configured one field of this type (options for selects, bounds, patterns). */
export interface FieldConfig {
  options?: readonly { key: string; label: LocalizedText; retired?: boolean | undefined }[];
  validation?: Readonly<Record<string, unknown>>;
}

/** A custom field type: `rating`, `iban`, `plate-number`… */
export interface FieldType {
  /** Unique among field types: kebab-case, e.g. `star-rating`. */
  id: string;
  label: LocalizedText;
  storage: FieldStorage;
  /**
   * The schema a value must pass, for a field configured with `config`. Its output is stored. It
   * never sees an empty value (null, blank text, an empty list): those mean "no value".
   */
  valueSchema(config: FieldConfig): z.ZodType<CustomFieldValue>;
  /** The admin's `validation` settings this type accepts; without it, the field takes none. */
  validationSchema?: z.ZodType;
  /** The field is a choice among `options` (an admin must give at least one). */
  usesOptions?: boolean;
  /** Display text for a value, in the reader's language (lists, exports). */
  format?(value: CustomFieldValue, locale: Locale): string;
  /** The admin half's input component for this type, by the name its admin entry registers. */
  input?: string;
}

/** A field of a plugin's conversion target: which stored kinds of lead value may be mapped to it. */
export interface ConversionTargetField {
  label: LocalizedText;
  /** `['number', 'money']` takes numbers and money amounts; text fields usually take `['text', 'number']`. */
  accepts: readonly FieldStorage[];
}

/** The core records one conversion created or linked (absent: not asked for). */
export interface ConversionIds {
  organizationId?: string;
  contactId?: string;
  opportunityId?: string;
}

/** What a conversion target's `onConvert` is told, after the conversion committed. */
export interface ConversionContext {
  /** The lead as converted (`convertedAt` set). */
  lead: Lead;
  /** The core records the conversion created or linked. */
  created: ConversionIds;
  /** This target's fields, with the lead values the conversion mapping gave them. */
  values: Readonly<Record<string, unknown>>;
  actorId: string | null;
  at: Date;
}

/** A record a lead converts into, with the lead fields it copies. */
export interface ConversionTarget {
  /** A plugin's own record (`project`); `contact`, `organization` and `opportunity` are core's. */
  id: string;
  label: LocalizedText;
  /** Default mapping: target field → lead field it is copied from (`name` ← `company`). An admin's mapping row for the same field wins. */
  mapping: Readonly<Record<string, keyof LeadWritable | `custom.${string}`>>;
  /** The target's fields admins may map to, with the kinds of value each takes. Without it: the `mapping` keys, taking text. */
  fields?: Readonly<Record<string, ConversionTargetField>>;
  /**
   * Called after every conversion commits, with the mapped values: create the plugin's record
   * here. A throw is logged; the conversion itself stays done.
   */
  onConvert?(context: ConversionContext): void | Promise<void>;
}

/** One reason a scorer gave points (negative points take them away). */
export interface ScoreReason {
  /** Stable id of the rule, for explain screens and tests: `industry-fit`. */
  rule: string;
  points: number;
  label: LocalizedText;
}

/** What a scorer sees: the lead as it would be stored. */
export interface ScoreInput {
  lead: Readonly<LeadWritable>;
}

/** Gives points with reasons; the ingest pipeline sums every enabled scorer's points. */
export interface Scorer {
  id: string;
  label: LocalizedText;
  score(input: ScoreInput): readonly ScoreReason[] | Promise<readonly ScoreReason[]>;
}

/** A new lead as distribution sees it: what will be stored, with the score the pipeline just gave it. */
export type DistributableLead = LeadWritable & Pick<Lead, 'score' | 'qualification'>;

/** What a distribution strategy chooses among. */
export interface DistributionInput {
  lead: Readonly<DistributableLead>;
  /** Eligible user ids, as the assignment rule lists them (active users only). */
  candidates: readonly string[];
  /** Optional per-user weights of the rule (`{ [userId]: 2 }`). */
  weights?: Readonly<Record<string, number>>;
  /** The assignment rule that chose this strategy, for state keyed per rule. */
  rule: string;
}

/** Picks an owner for a lead: `round-robin`, `least-loaded`… Answers null when nobody is eligible. */
export interface DistributionStrategy {
  id: string;
  label: LocalizedText;
  pick(input: DistributionInput): Promise<string | null>;
}

/** A way leads arrive (a form, an SMS line, a spreadsheet): names the origin and its defaults. */
export interface CaptureChannel {
  /** Recorded on each lead it captures, in the `created` activity: `sms`, `excel-import`. */
  id: string;
  label: LocalizedText;
  /** Picklist keys a captured lead gets when the input leaves them empty. */
  defaults?: { source?: string; channel?: string };
}

export const fieldTypes = createExtensionPoint<FieldType>('core.fieldTypes', { cardinality: 'many' });
export const conversionTargets = createExtensionPoint<ConversionTarget>('core.conversionTargets', { cardinality: 'many' });
export const scorers = createExtensionPoint<Scorer>('core.scorers', { cardinality: 'many' });
export const distributionStrategies = createExtensionPoint<DistributionStrategy>('core.distributionStrategies', { cardinality: 'many' });
export const captureChannels = createExtensionPoint<CaptureChannel>('core.captureChannels', { cardinality: 'many' });
