import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.js';

/** Core's migrations, in order. Never rename or edit one that has shipped: add a new one. */
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
};

export const coreMigrations: MigrationProvider = {
  getMigrations: async () => migrations,
};
