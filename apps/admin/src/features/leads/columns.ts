import type { FieldDefinitionView } from '../fields/values.js';
import { builtinKinds, CUSTOM_PREFIX, systemKinds, type FormFieldKind } from './form-fields.js';

/**
 * A column of the leads list. `special` ones have their own cell in the list (links, chips, the
 * next task); `builtin` ones show a built-in field the generic way; `custom` ones a custom field.
 */
export type LeadColumn =
  | { key: string; kind: 'special'; sortField: string | null }
  | { key: string; kind: 'builtin'; sortField: string | null; fieldKind: FormFieldKind }
  | { key: string; kind: 'custom'; sortField: string | null; definition: FieldDefinitionView };

const special = (key: string, sortField: string | null = null): LeadColumn => ({ key, kind: 'special', sortField });

/** Nowatel's columns first, then what else a lead commonly shows. */
export const specialColumns: readonly LeadColumn[] = [
  special('createdAt', 'createdAt'),
  special('name', 'lastName'),
  special('company', 'company'),
  special('mobile'),
  special('ownerId'),
  special('channel'),
  special('stage'),
  special('lastContactResult'),
  special('lastContactAt', 'lastContactAt'),
  special('nextTaskAt', 'nextTaskAt'),
  special('priority'),
  special('score', 'score'),
  special('description'),
  special('source'),
  special('email'),
  special('city'),
  special('updatedAt', 'updatedAt'),
];

export const defaultColumns: readonly string[] = ['createdAt', 'name', 'company', 'mobile', 'ownerId', 'channel', 'stage', 'lastContactResult', 'nextTaskAt', 'priority', 'score', 'description'];

/** Built-in sorts `leads.list` takes besides the special columns'. */
const builtinSorts = new Set(['firstName', 'lastName']);
/** The name column shows both names. */
const shownByName = new Set(['firstName', 'lastName']);

/**
 * Every column a user can choose: the special ones, the other built-in fields, and the active
 * custom fields. A custom column sorts when its field is indexed (the list sorts through the
 * field's index instead of scanning every lead); multi selects never sort.
 */
export function availableColumns(definitions: readonly FieldDefinitionView[]): LeadColumn[] {
  const taken = new Set(specialColumns.map((c) => c.key));
  const builtins = Object.entries({ ...builtinKinds, ...systemKinds })
    .filter(([name]) => !taken.has(name) && !shownByName.has(name))
    .map(([name, fieldKind]): LeadColumn => ({ key: name, kind: 'builtin', fieldKind, sortField: builtinSorts.has(name) ? name : null }));
  const customs = definitions.map((definition): LeadColumn => ({
    key: `${CUSTOM_PREFIX}${definition.key}`,
    kind: 'custom',
    definition,
    sortField: definition.indexed && definition.type !== 'multi-select' ? `${CUSTOM_PREFIX}${definition.key}` : null,
  }));
  return [...specialColumns, ...builtins, ...customs];
}

/** The admin's list layout as column keys: its fields in order, first and last name as the one name column. */
export function columnsFromLayout(fields: readonly string[]): string[] {
  return [...new Set(fields.map((field) => (shownByName.has(field) ? 'name' : field)))];
}

const STORAGE_KEY = 'sarnakh.leadColumns';

/** The user's own choice in this browser, if they made one. */
export function storedColumns(): string[] | null {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    return Array.isArray(saved) && saved.every((k) => typeof k === 'string') ? saved : null;
  } catch {
    return null;
  }
}

export function storeColumns(columns: readonly string[]): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(columns));
  } catch {
    // Not stored: the choice lasts for this page.
  }
}

/**
 * Which columns show: the user's own saved choice wins; else the admin's saved list layout; else
 * the built-in default. Keys that name nothing any more (an archived field) drop out.
 */
export function chooseColumns(known: readonly LeadColumn[], stored: readonly string[] | null, layout: readonly string[] | null): string[] {
  const keys = new Set(known.map((c) => c.key));
  for (const choice of [stored, layout ? columnsFromLayout(layout) : null]) {
    const valid = choice?.filter((k) => keys.has(k));
    if (valid && valid.length > 0) return valid;
  }
  return [...defaultColumns];
}
