import { builtInPlaceholders } from '@sarnakh/core';
import { describe, expect, it } from 'vitest';
import { insertAt, leadPlaceholders, OWNER_PLACEHOLDER } from './placeholders.js';

describe('the placeholder picker', () => {
  it('offers only names the server accepts in a template', () => {
    for (const name of [...leadPlaceholders, OWNER_PLACEHOLDER]) expect(builtInPlaceholders, name).toContain(name);
  });

  it('inserts at the caret, replacing a selection', () => {
    expect(insertAt('Hello !', '{{firstName}}', 6, 6)).toEqual({ text: 'Hello {{firstName}}!', caret: 19 });
    expect(insertAt('Hello XX!', '{{company}}', 6, 8)).toEqual({ text: 'Hello {{company}}!', caret: 17 });
    expect(insertAt('ab', '{{city}}', 99, 99)).toEqual({ text: 'ab{{city}}', caret: 10 });
  });
});
