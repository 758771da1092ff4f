import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_plugins_and_capture.js';
import * as m0003 from './0003_lead_scoring.js';
import * as m0004 from './0004_custom_fields_layouts.js';
import * as m0005 from './0005_related_records.js';
import * as m0006 from './0006_tasks_sla.js';
import * as m0007 from './0007_merge_templates.js';
import * as m0008 from './0008_org_settings.js';

/** Core's migrations, in order. Never rename or edit one that has shipped: add a new one. */
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_plugins_and_capture': m0002,
  '0003_lead_scoring': m0003,
  '0004_custom_fields_layouts': m0004,
  '0005_related_records': m0005,
  '0006_tasks_sla': m0006,
  '0007_merge_templates': m0007,
  '0008_org_settings': m0008,
};

export const coreMigrations: MigrationProvider = {
  getMigrations: async () => migrations,
};
