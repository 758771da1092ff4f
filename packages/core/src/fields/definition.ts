import type { LocalizedText } from '../i18n/locales.js';
import type { CustomFieldValue } from '../lead/lead.js';

/** How a custom field is addressed wherever built-in and custom fields mix: `custom.budget`. */
export const CUSTOM_PREFIX = 'custom.';

/** A custom field's key: what `customFields.<key>` and `custom.<key>` name. Never changes. */
export const CUSTOM_FIELD_KEY = /^[a-z][a-zA-Z0-9_]{0,49}$/;

export interface FieldOption {
  /** Stored on leads; never changes once used. */
  key: string;
  label: LocalizedText;
  /** Kept valid on leads that have it, refused for new input (like a retired picklist value). */
  retired?: boolean | undefined;
}

/**
 * What an admin may constrain per field; each type reads the keys that make sense for it
 * (`min`/`max` for numbers, amounts and dates, `minLength`/`maxLength`/`pattern` for text,
 * `maxItems` for multi-selects, `currencies` for currency fields).
 */
export interface FieldValidation {
  min?: number | string | undefined;
  max?: number | string | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  /** A regular expression the whole (normalized) text must match. */
  pattern?: string | undefined;
  integer?: boolean | undefined;
  maxItems?: number | undefined;
  currencies?: string[] | undefined;
}

/** An admin-defined lead field. Values live in the lead's `customFields` under `key`. */
export interface FieldDefinition {
  key: string;
  /** A field type id: built in (`text`, `currency`…) or a plugin's (`sheba`). */
  type: string;
  label: LocalizedText;
  /** A new lead must have a value (after the default is applied); an edit cannot clear it. */
  required: boolean;
  /** Given to new leads that leave the field empty; already normalized. */
  default: CustomFieldValue;
  /** Single and multi selects: the choices. */
  options: FieldOption[];
  validation: FieldValidation;
  /** Has an expression index: filter and sort by it as fast as by a built-in field. */
  indexed: boolean;
  /** Archived fields are hidden and refused for new input; their values stay on the leads. */
  archivedAt: Date | null;
  /** Order among custom fields (layouts order them on screens). */
  position: number;
}

export const customFieldPath = (key: string): `custom.${string}` => `custom.${key}`;
