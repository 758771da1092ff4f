import { Migrator, sql, type Kysely, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Database } from './database.js';
import { coreMigrations } from './migrations/index.js';

/** One key for every Sarnakh process on a database: only one of them migrates at a time. */
const MIGRATION_LOCK_KEY = 7_263_011_402;

export class MigrationError extends Error {
  constructor(
    readonly migration: string | undefined,
    override readonly cause: unknown,
  ) {
    super(`migration ${migration ?? '(unknown)'} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'MigrationError';
  }
}

export interface MigrationSet {
  /** Each set keeps its own history table, so plugins migrate independently of core. */
  table: string;
  provider: MigrationProvider;
}

export const coreMigrationSet: MigrationSet = { table: 'sarnakh_migrations', provider: coreMigrations };

async function runSet(db: Kysely<unknown>, set: MigrationSet, schema: string | null): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: set.provider,
    migrationTableName: set.table,
    migrationLockTableName: `${set.table}_lock`,
    // Named explicitly: Kysely looks for its tables across every schema otherwise.
    ...(schema === null ? {} : { migrationTableSchema: schema }),
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new MigrationError(failed?.migrationName, error);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Bring the schema up to date, once, under a Postgres advisory lock so that several server
 * processes starting together do not race. Returns the names of the migrations applied.
 */
export async function migrate(database: Database, extraSets: readonly MigrationSet[] = []): Promise<string[]> {
  return database.raw.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      // Extensions are database-wide; keep them in public so every schema's search_path sees them.
      await sql`create extension if not exists pg_trgm schema public`.execute(conn);
      const applied: string[] = [];
      for (const set of [coreMigrationSet, ...extraSets]) applied.push(...(await runSet(conn, set, database.schema)));
      return applied;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}
