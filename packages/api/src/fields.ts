import {
  checkFieldDraft,
  createFieldCatalog,
  fieldTypes,
  type FieldCreateInput,
  type FieldDefinition,
  type FieldDraft,
  type FieldError,
  type FieldUpdateInput,
  type Locale,
  type Result,
} from '@sarnakh/core';
import { createCustomFieldIndex, createCustomFieldRepository, dropCustomFieldIndex } from '@sarnakh/db';
import type { Services } from './services.js';

export type FieldAdminFailure = { code: 'VALIDATION'; fields: FieldError[] } | { code: 'NOT_FOUND'; key: string } | { code: 'CONFLICT'; key: string };

const fail = (failure: FieldAdminFailure): Result<never, FieldAdminFailure> => ({ ok: false, error: failure });

/**
 * Custom field administration over the database. A definition is checked against its type with
 * every field type in force (archived definitions included, so a key is never reused); an
 * indexed field's expression index is built before the definition is saved and dropped after it
 * stops being indexed, so a failure never leaves a definition claiming an index it lacks.
 */
export function createFieldAdmin(services: Services) {
  const { database } = services;
  const repository = createCustomFieldRepository(database.db);
  const { host } = services.plugins;
  const catalog = async () => createFieldCatalog(await repository.list(), host.registry.getAll(fieldTypes, { enabledOnly: host.isEnabled }));
  const now = () => new Date();

  async function save(draft: FieldDraft, before: FieldDefinition | null, locale: Locale): Promise<Result<FieldDefinition, FieldAdminFailure>> {
    const fields = await catalog();
    const checked = checkFieldDraft(draft, fields, locale);
    if (!checked.ok) return fail({ code: 'VALIDATION', fields: checked.error });
    const storage = fields.type(draft.type)!.storage;
    if (checked.value.indexed && !before?.indexed) await createCustomFieldIndex(database, draft.key, storage);
    const saved = before ? await repository.update(checked.value, now()) : await repository.insert(checked.value, now());
    if (!saved) return fail(before ? { code: 'NOT_FOUND', key: draft.key } : { code: 'CONFLICT', key: draft.key });
    if (before?.indexed && !saved.indexed) await dropCustomFieldIndex(database, draft.key);
    return { ok: true, value: saved };
  }

  return {
    list: (includeArchived: boolean) => repository.list({ includeArchived }),

    async create(input: FieldCreateInput, locale: Locale): Promise<Result<FieldDefinition, FieldAdminFailure>> {
      if (await repository.get(input.key)) return fail({ code: 'CONFLICT', key: input.key });
      return save(
        {
          key: input.key,
          type: input.type,
          label: input.label,
          required: input.required ?? false,
          default: (input.default ?? null) as FieldDraft['default'],
          options: input.options ?? [],
          validation: input.validation ?? {},
          indexed: input.indexed ?? false,
          position: input.position ?? (await repository.nextPosition()),
        },
        null,
        locale,
      );
    },

    async update({ key, patch }: FieldUpdateInput, locale: Locale): Promise<Result<FieldDefinition, FieldAdminFailure>> {
      const before = await repository.get(key);
      if (!before) return fail({ code: 'NOT_FOUND', key });
      const { archivedAt: _archivedAt, ...current } = before;
      const draft = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      return save({ ...current, ...draft } as FieldDraft, before, locale);
    },

    /** Archive (hide; values kept) or restore a field. */
    async setArchived(key: string, archived: boolean): Promise<Result<FieldDefinition, FieldAdminFailure>> {
      const saved = await repository.setArchived(key, archived ? now() : null, now());
      return saved ? { ok: true, value: saved } : fail({ code: 'NOT_FOUND', key });
    },
  };
}
