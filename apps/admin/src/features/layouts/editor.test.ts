import { describe, expect, it } from 'vitest';
import { addField, addSection, moveField, moveFieldTo, moveSection, removeSection, setRequired, toDraft, toUpdateInput, unplaced, type DraftSection } from './editor.js';

const T = (en: string) => ({ en, fa: `${en}-fa`, ar: `${en}-ar` });
const start = (): DraftSection[] =>
  toDraft([
    { key: 'contact', title: T('Contact'), fields: [{ field: 'firstName' }, { field: 'mobile', required: true }] },
    { key: 'more', title: T('More'), fields: [{ field: 'custom.budget' }] },
  ]);
const fieldsOf = (sections: DraftSection[]) => sections.map((s) => s.fields.map((f) => f.field));

describe('the layout editor', () => {
  it('adds a section with a fresh key and keeps the input unchanged', () => {
    const before = start();
    const after = addSection(addSection(before, T('New')), T('Newer'));
    expect(after.map((s) => s.key)).toEqual(['contact', 'more', 'section-3', 'section-4']);
    expect(before).toHaveLength(2);
  });

  it('reorders sections and fields, ignoring moves past either end', () => {
    expect(moveSection(start(), 1, -1).map((s) => s.key)).toEqual(['more', 'contact']);
    expect(moveSection(start(), 0, -1).map((s) => s.key)).toEqual(['contact', 'more']);
    expect(fieldsOf(moveField(start(), 0, 0, 1))[0]).toEqual(['mobile', 'firstName']);
    expect(fieldsOf(moveField(start(), 0, 1, 1))[0]).toEqual(['firstName', 'mobile']);
  });

  it('moves a field to the end of another section with its required flag', () => {
    const after = moveFieldTo(start(), 0, 1, 1);
    expect(fieldsOf(after)).toEqual([['firstName'], ['custom.budget', 'mobile']]);
    expect(after[1]!.fields[1]!.required).toBe(true);
  });

  it('offers only unplaced fields and never places one twice', () => {
    expect(unplaced(start(), ['firstName', 'email', 'custom.budget', 'custom.size'])).toEqual(['email', 'custom.size']);
    expect(fieldsOf(addField(start(), 1, 'firstName'))).toEqual(fieldsOf(start()));
    const removed = removeSection(start(), 0);
    expect(unplaced(removed, ['firstName', 'mobile'])).toEqual(['firstName', 'mobile']);
  });

  it('sends required only on the create form', () => {
    const sections = setRequired(start(), 1, 0, true);
    expect(toUpdateInput('create', sections).sections[1]!.fields).toEqual([{ field: 'custom.budget', required: true }]);
    expect(toUpdateInput('detail', sections).sections.flatMap((s) => s.fields)).toEqual([{ field: 'firstName' }, { field: 'mobile' }, { field: 'custom.budget' }]);
  });
});
