import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ar } from './ar.js';
import { en } from './en.js';
import { fa } from './fa.js';
import { layoutsAr } from './layouts.ar.js';
import { layoutsEn } from './layouts.en.js';
import { layoutsFa } from './layouts.fa.js';
import { recordsAr } from './records.ar.js';
import { recordsEn } from './records.en.js';
import { recordsFa } from './records.fa.js';
import { rulesAr } from './rules.ar.js';
import { rulesEn } from './rules.en.js';
import { rulesFa } from './rules.fa.js';
import { settingsAr } from './settings.ar.js';
import { settingsEn } from './settings.en.js';
import { settingsFa } from './settings.fa.js';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(vue|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const src = fileURLToPath(new URL('..', import.meta.url));
const catalogs = {
  en: { ...en, settings: settingsEn, records: recordsEn, rules: rulesEn, layouts: layoutsEn },
  fa: { ...fa, settings: settingsFa, records: recordsFa, rules: rulesFa, layouts: layoutsFa },
  ar: { ...ar, settings: settingsAr, records: recordsAr, rules: rulesAr, layouts: layoutsAr },
} as Record<string, Tree>;
const english = leaves(catalogs.en!);

describe('the UI string catalogs', () => {
  it('fa and ar have every English string, translated, and nothing else', () => {
    for (const [locale, catalog] of Object.entries(catalogs)) {
      const strings = leaves(catalog);
      expect([...strings.keys()].sort(), locale).toEqual([...english.keys()].sort());
      for (const [key, value] of strings) expect(value.trim(), `${locale}: ${key}`).not.toBe('');
    }
  });

  it('every key the screens ask for exists (a literal key, or the group a template key picks from)', () => {
    const missing: string[] = [];
    const groups = new Set([...english.keys()].flatMap((k) => k.split('.').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('.'))));
    for (const file of sources(src)) {
      const text = readFileSync(file, 'utf8');
      for (const [, key] of text.matchAll(/\bte?\('([a-zA-Z][\w.]*)'/g)) if (!english.has(key!)) missing.push(`${file}: ${key}`);
      for (const [, group] of text.matchAll(/\bte?\(`([a-zA-Z][\w.]*)\.\$\{/g)) if (!groups.has(group!)) missing.push(`${file}: ${group}.*`);
    }
    expect(missing).toEqual([]);
  });
});
