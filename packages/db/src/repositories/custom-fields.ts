import type { CustomFieldSource } from '@sarnakh/core';

/**
 * Custom field definitions arrive with the admin customization work; until an admin can define
 * one, no key is known and any value in `customFields` is rejected by name.
 */
export function createCustomFieldSource(): CustomFieldSource {
  const none: ReadonlySet<string> = new Set();
  return { activeKeys: async () => none };
}
