import type { FieldDefinition } from './definition.js';
import type { Layout, LayoutKind } from './layouts.js';

/** Where field definitions are kept (`@sarnakh/db`'s `createCustomFieldRepository`). */
export interface FieldDefinitionSource {
  /** In position order; archived ones only when asked. */
  list(options?: { includeArchived?: boolean }): Promise<FieldDefinition[]>;
}

/** Where admins' layouts are kept; null: none saved, the default applies. */
export interface LayoutSource {
  get(kind: LayoutKind): Promise<Layout | null>;
}
