import { createI18n } from 'vue-i18n';
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
import { applyToDocument, saveLocale, type Locale } from './locale.js';

export { locales, isLocale, isRtl, type Locale } from './locale.js';

export const i18n = createI18n({
  legacy: false,
  locale: 'fa',
  fallbackLocale: 'en',
  // The settings screens keep their strings in their own catalogs, under `settings.`; the records,
  // templates and SLA screens under `records.`; the rule editors and the organization screen under `rules.`;
  // the layouts screen and layout-driven lead screens under `layouts.`.
  messages: {
    fa: { ...fa, settings: settingsFa, records: recordsFa, rules: rulesFa, layouts: layoutsFa },
    ar: { ...ar, settings: settingsAr, records: recordsAr, rules: rulesAr, layouts: layoutsAr },
    en: { ...en, settings: settingsEn, records: recordsEn, rules: rulesEn, layouts: layoutsEn },
  },
  missingWarn: false,
  fallbackWarn: false,
});

type Listener = (locale: Locale) => void;
const listeners: Listener[] = [];

/** Vuetify and anything else that keeps its own locale subscribes here. */
export function onLocaleChange(listener: Listener): void {
  listeners.push(listener);
}

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale;
}

/** Switch the whole app: messages, `<html lang dir>`, Vuetify, and (when `save`) the stored choice. */
export function setLocale(locale: Locale, save = true): void {
  i18n.global.locale.value = locale;
  applyToDocument(locale);
  if (save) saveLocale(locale);
  for (const listener of listeners) listener(locale);
}

/** A plugin's strings land under `plugins.<key>` so they cannot clash with the app's. */
export function mergePluginMessages(key: string, messages: Partial<Record<Locale, Record<string, string>>>): void {
  for (const [locale, strings] of Object.entries(messages)) {
    i18n.global.mergeLocaleMessage(locale, { plugins: { [key]: strings } });
  }
}
