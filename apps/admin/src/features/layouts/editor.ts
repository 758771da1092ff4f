import type { LocalizedText } from '@sarnakh/core';

/** The screens a layout arranges (as `layouts.get` names them). */
export const layoutKinds = ['create', 'detail', 'list'] as const;
export type LayoutKind = (typeof layoutKinds)[number];

export interface DraftField {
  field: string;
  required: boolean;
}

export interface DraftSection {
  key: string;
  title: LocalizedText;
  fields: DraftField[];
}

/**
 * Edits to a layout being arranged on the layouts screen. Each returns new sections and leaves
 * its input alone, so the screen can keep the server's copy to compare and undo against.
 */

/** The stored layout as a draft: `required` spelled out. */
export const toDraft = (sections: readonly { key: string; title: LocalizedText; fields: readonly { field: string; required?: boolean | undefined }[] }[]): DraftSection[] =>
  sections.map((s) => ({ key: s.key, title: { ...s.title }, fields: s.fields.map((f) => ({ field: f.field, required: f.required === true })) }));

/** `layouts.update`'s input: `required` only on the create form, and only where it holds. */
export const toUpdateInput = (kind: LayoutKind, sections: readonly DraftSection[]) => ({
  kind,
  sections: sections.map((s) => ({
    key: s.key,
    title: { ...s.title },
    fields: s.fields.map((f) => (kind === 'create' && f.required ? { field: f.field, required: true } : { field: f.field })),
  })),
});

function move<T>(items: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const out = [...items];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item!);
  return out;
}

const withFields = (sections: readonly DraftSection[], s: number, edit: (fields: DraftField[]) => DraftField[]) =>
  sections.map((section, i) => (i === s ? { ...section, fields: edit([...section.fields]) } : section));

/** A new, empty section at the end, with a key no other section has (`section-2`). */
export function addSection(sections: readonly DraftSection[], title: LocalizedText): DraftSection[] {
  const keys = new Set(sections.map((s) => s.key));
  let n = sections.length + 1;
  while (keys.has(`section-${n}`)) n += 1;
  return [...sections, { key: `section-${n}`, title: { ...title }, fields: [] }];
}

/** Removing a section takes its fields off the screen; they can be added again. */
export const removeSection = (sections: readonly DraftSection[], s: number) => sections.filter((_, i) => i !== s);
export const moveSection = (sections: readonly DraftSection[], s: number, delta: number) => move(sections, s, delta);
export const renameSection = (sections: readonly DraftSection[], s: number, title: LocalizedText) =>
  sections.map((section, i) => (i === s ? { ...section, title: { ...title } } : section));

export const addField = (sections: readonly DraftSection[], s: number, field: string) =>
  placed(sections).has(field) ? [...sections] : withFields(sections, s, (fields) => [...fields, { field, required: false }]);
export const removeField = (sections: readonly DraftSection[], s: number, f: number) => withFields(sections, s, (fields) => fields.filter((_, i) => i !== f));
export const moveField = (sections: readonly DraftSection[], s: number, f: number, delta: number) => withFields(sections, s, (fields) => move(fields, f, delta));
export const setRequired = (sections: readonly DraftSection[], s: number, f: number, required: boolean) =>
  withFields(sections, s, (fields) => fields.map((field, i) => (i === f ? { ...field, required } : field)));

/** Moves a field to the end of another section, keeping its `required`. */
export function moveFieldTo(sections: readonly DraftSection[], s: number, f: number, target: number): DraftSection[] {
  const field = sections[s]?.fields[f];
  if (!field || target === s || !sections[target]) return [...sections];
  return withFields(removeField(sections, s, f), target, (fields) => [...fields, field]);
}

/** Every field the layout places. */
export const placed = (sections: readonly DraftSection[]) => new Set(sections.flatMap((s) => s.fields.map((f) => f.field)));

/** Of `candidates`, the fields not yet on the layout, in the order given. */
export const unplaced = (sections: readonly DraftSection[], candidates: readonly string[]) => {
  const taken = placed(sections);
  return candidates.filter((c) => !taken.has(c));
};
