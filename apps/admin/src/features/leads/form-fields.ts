import type { LayoutSection, LeadFieldName, LocalizedText } from '@sarnakh/core';
import type { PicklistName } from '../../stores/reference.js';
import type { FieldDefinitionView } from '../fields/values.js';

export type FormFieldKind =
  | 'text' | 'ltr' | 'email' | 'tel' | 'url' | 'number' | 'money' | 'boolean' | 'textarea' | 'owner' | 'dateTime' | 'qualification'
  | { picklist: PicklistName };

export interface FormField {
  name: string;
  kind: FormFieldKind;
}

export interface FormSection {
  /** i18n key under `lead.sections` */
  key: string;
  fields: FormField[];
}

const f = (name: LeadFieldName, kind: FormFieldKind = 'text'): FormField => ({ name, kind });

/**
 * The built-in fields people edit, grouped: what conversion mappings and merges offer. The form
 * and the detail page follow the admin's layouts (`placeLayout`) instead.
 */
export const leadSections: FormSection[] = [
  { key: 'person', fields: [f('firstName'), f('lastName'), f('nationalCode', 'ltr'), f('jobTitle')] },
  { key: 'contact', fields: [f('mobile', 'tel'), f('phone', 'tel'), f('email', 'email'), f('website', 'url'), f('whatsappId', 'ltr'), f('telegramId', 'ltr'), f('instagramId', 'ltr'), f('fax', 'tel'), f('emailOptOut', 'boolean')] },
  { key: 'company', fields: [f('company'), f('industry', { picklist: 'industry' }), f('annualRevenue', 'money'), f('employees', 'number')] },
  { key: 'pipeline', fields: [f('stage', { picklist: 'stage' }), f('priority', { picklist: 'priority' }), f('source', { picklist: 'source' }), f('channel', { picklist: 'channel' }), f('ownerId', 'owner')] },
  { key: 'address', fields: [f('street'), f('city'), f('province'), f('country'), f('postalCode', 'ltr'), f('poBox', 'ltr')] },
  { key: 'notes', fields: [f('description', 'textarea')] },
];

/** Every built-in field a layout can name and the widget that edits or shows it. */
export const builtinKinds: Readonly<Record<string, FormFieldKind>> = {
  ...Object.fromEntries(leadSections.flatMap((s) => s.fields).map((field) => [field.name, field.kind])),
  channelIdentifier: 'ltr',
  lastContactAt: 'dateTime',
  lastContactResult: { picklist: 'lastContactResult' },
};

/** Fields only the system sets: layouts may show them on the detail page and the list, never on the form. */
export const systemKinds: Readonly<Record<string, FormFieldKind>> = {
  score: 'number',
  qualification: 'qualification',
  createdAt: 'dateTime',
  updatedAt: 'dateTime',
  convertedAt: 'dateTime',
  archivedAt: 'dateTime',
};

export const isLtrKind = (kind: FormFieldKind) => kind === 'ltr' || kind === 'email' || kind === 'tel' || kind === 'url';

export const CUSTOM_PREFIX = 'custom.';

/** One field of a layout, resolved to what the screen needs to edit or show it. */
export type PlacedField =
  | { path: string; required: boolean; custom: false; name: string; kind: FormFieldKind }
  | { path: string; required: boolean; custom: true; name: string; definition: FieldDefinitionView };

export interface PlacedSection {
  key: string;
  title: LocalizedText;
  fields: PlacedField[];
}

/** A layout path (`mobile`, `custom.budget`) resolved against the built-ins and the active custom fields; null when it names neither. */
export function placeField(path: string, definitions: ReadonlyMap<string, FieldDefinitionView>, required = false, writableOnly = false): PlacedField | null {
  if (path.startsWith(CUSTOM_PREFIX)) {
    const definition = definitions.get(path.slice(CUSTOM_PREFIX.length));
    return definition ? { path, required, custom: true, name: definition.key, definition } : null;
  }
  const kind = builtinKinds[path] ?? (writableOnly ? undefined : systemKinds[path]);
  return kind ? { path, required, custom: false, name: path, kind } : null;
}

/**
 * A layout's sections with each field resolved. Fields this app does not know (a plugin's field
 * type that is gone, a system field on the form) are left out rather than shown broken.
 */
export function placeLayout(sections: readonly LayoutSection[], definitions: ReadonlyMap<string, FieldDefinitionView>, writableOnly = false): PlacedSection[] {
  return sections.map((s) => ({
    key: s.key,
    title: s.title,
    fields: s.fields.flatMap((field) => placeField(field.field, definitions, field.required ?? false, writableOnly) ?? []),
  }));
}

/** The name the API uses for a field in input and in errors: `mobile`, `customFields.budget`. */
export const apiName = (field: PlacedField) => (field.custom ? `customFields.${field.name}` : field.name);
