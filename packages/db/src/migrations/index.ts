import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_plugins_and_capture.js';
import * as m0003 from './0003_lead_scoring.js';

/** Core's migrations, in order. Never rename or edit one that has shipped: add a new one. */
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_plugins_and_capture': m0002,
  '0003_lead_scoring': m0003,
};

export const coreMigrations: MigrationProvider = {
  getMigrations: async () => migrations,
};
