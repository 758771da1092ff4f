import type { FieldStorage, FieldType } from '../extensions/points.js';
import { leadFields, type BuiltInFieldKind, type LeadFieldName } from '../lead/fields.js';
import type { PicklistKey } from '../picklists/picklist.js';
import { builtInFieldTypes } from './builtin-types.js';
import { CUSTOM_PREFIX, type FieldDefinition } from './definition.js';

/**
 * One place that says what a field path names and what type it has, for every feature that lets
 * people point at fields: `where` filters and sorts, layouts, scoring and distribution rules,
 * conversion mappings. Built-in fields are named in camelCase (`firstName`), custom ones as
 * `custom.<key>`.
 */
export interface ResolvedField {
  path: string;
  kind: 'builtin' | 'custom';
  /** A field type id: `text`, `number`, `single-select`, a plugin's `sheba`… */
  type: string;
  storage: FieldStorage;
  /** The built-in field's name (`firstName`) or the custom field's key (`budget`). */
  name: string;
  /** Built-in picklist fields: the list their keys come from. */
  list?: PicklistKey;
  /** Custom fields: the definition. */
  definition?: FieldDefinition;
}

/** Built-in fields that only the system sets, but that people still filter on. */
const systemFields = {
  score: { type: 'number', storage: 'number' },
  qualification: { type: 'single-select', storage: 'text' },
  createdAt: { type: 'date-time', storage: 'timestamp' },
  updatedAt: { type: 'date-time', storage: 'timestamp' },
  convertedAt: { type: 'date-time', storage: 'timestamp' },
  archivedAt: { type: 'date-time', storage: 'timestamp' },
} as const satisfies Record<string, { type: string; storage: FieldStorage }>;

function builtinType(kind: BuiltInFieldKind): { type: string; storage: FieldStorage } {
  switch (kind.type) {
    case 'longText':
      return { type: 'long-text', storage: 'text' };
    case 'phone':
    case 'email':
    case 'url':
      return { type: kind.type, storage: 'text' };
    case 'nationalCode':
      return { type: 'national-code', storage: 'text' };
    case 'picklist':
      return { type: 'single-select', storage: 'text' };
    case 'money':
    case 'integer':
      return { type: 'number', storage: 'number' };
    case 'boolean':
      return { type: 'boolean', storage: 'boolean' };
    case 'dateTime':
      return { type: 'date-time', storage: 'timestamp' };
    default:
      return { type: 'text', storage: 'text' };
  }
}

/** Every built-in field path a filter, layout or rule can name. */
export const builtinFieldPaths: readonly string[] = [...Object.keys(leadFields), ...Object.keys(systemFields)];

/** The field definitions and field types in force, with path resolution over them. */
export interface FieldCatalog {
  /** Active (not archived) custom fields, in position order. */
  readonly definitions: readonly FieldDefinition[];
  /** A field type by id: core's built-ins first, then enabled plugins' contributions. */
  type(id: string): FieldType | undefined;
  /** What `path` names, or null when it names no field (or an archived one). */
  resolve(path: string): ResolvedField | null;
}

export function createFieldCatalog(definitions: readonly FieldDefinition[], pluginTypes: readonly FieldType[] = []): FieldCatalog {
  const active = definitions.filter((d) => d.archivedAt === null).sort((a, b) => a.position - b.position);
  const byKey = new Map(active.map((d) => [d.key, d]));
  const types = new Map<string, FieldType>();
  // A plugin cannot replace a built-in type: stored values must keep meaning what they meant.
  for (const t of [...builtInFieldTypes, ...pluginTypes]) if (!types.has(t.id)) types.set(t.id, t);
  const type = (id: string) => types.get(id);
  return {
    definitions: active,
    type,
    resolve(path) {
      if (path.startsWith(CUSTOM_PREFIX)) {
        const key = path.slice(CUSTOM_PREFIX.length);
        const definition = byKey.get(key);
        const fieldType = definition && type(definition.type);
        if (!definition || !fieldType) return null;
        return { path, kind: 'custom', type: definition.type, storage: fieldType.storage, name: key, definition };
      }
      if (Object.hasOwn(leadFields, path)) {
        const kind = leadFields[path as LeadFieldName].kind;
        return { path, kind: 'builtin', name: path, ...builtinType(kind), ...(kind.type === 'picklist' ? { list: kind.list } : {}) };
      }
      if (Object.hasOwn(systemFields, path)) {
        return { path, kind: 'builtin', name: path, ...systemFields[path as keyof typeof systemFields] };
      }
      return null;
    },
  };
}

/** What a field path names in `catalog` (see `ResolvedField`), or null. */
export function resolveField(path: string, catalog: FieldCatalog): ResolvedField | null {
  return catalog.resolve(path);
}

/**
 * How SQL reads a stored value of each storage: the JSON path under the field's key and the cast
 * that filters, sorts and expression indexes use. `list` has no scalar form.
 */
export const fieldStorageSql: Record<FieldStorage, { jsonPath: readonly string[]; cast: 'text' | 'numeric' | 'boolean' } | null> = {
  text: { jsonPath: [], cast: 'text' },
  timestamp: { jsonPath: [], cast: 'text' },
  number: { jsonPath: [], cast: 'numeric' },
  money: { jsonPath: ['amount'], cast: 'numeric' },
  boolean: { jsonPath: [], cast: 'boolean' },
  list: null,
};
