/** The part of JSON Schema the generic settings form understands; anything else is edited as JSON. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  enum?: unknown[];
  description?: string;
  title?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
}

export type SettingInput = 'boolean' | 'number' | 'integer' | 'enum' | 'string' | 'json';

export interface SettingField {
  name: string;
  input: SettingInput;
  schema: JsonSchema;
}

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

/** One input per top-level setting, chosen from its JSON Schema type. */
export function settingFields(schema: unknown): SettingField[] {
  const root = (schema ?? {}) as JsonSchema;
  return Object.entries(root.properties ?? {}).map(([name, s]) => {
    const type = typeOf(s);
    const input: SettingInput = s.enum ? 'enum' : type === 'boolean' ? 'boolean' : type === 'integer' ? 'integer' : type === 'number' ? 'number' : type === 'string' ? 'string' : 'json';
    return { name, input, schema: s };
  });
}

/** Form text back to setting values; a JSON box that does not parse is reported by name. */
export function readSettings(fields: SettingField[], draft: SettingsDraft): { values: Record<string, unknown>; badJson: string[] } {
  const values: Record<string, unknown> = {};
  const badJson: string[] = [];
  for (const field of fields) {
    const raw = draft[field.name];
    if (raw === '' || raw === undefined || raw === null) continue;
    if (field.input === 'json') {
      try {
        values[field.name] = JSON.parse(String(raw));
      } catch {
        badJson.push(field.name);
      }
    } else if (field.input === 'number' || field.input === 'integer') {
      values[field.name] = Number(raw);
    } else {
      values[field.name] = raw;
    }
  }
  return { values, badJson };
}

/** Setting values to what the form's inputs show. */
export type SettingsDraft = Record<string, string | number | boolean | null>;

export function toDraft(fields: SettingField[], settings: Record<string, unknown> | null): SettingsDraft {
  const draft: SettingsDraft = {};
  for (const field of fields) {
    const value = settings?.[field.name] ?? field.schema.default;
    if (field.input === 'json') draft[field.name] = value === undefined ? '' : JSON.stringify(value, null, 2);
    else draft[field.name] = value === undefined ? null : (value as string | number | boolean | null);
  }
  return draft;
}
