import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase, openEmbeddedServer, type Database, type EmbeddedServer } from '../database.js';
import { migrate } from '../migrate.js';

/**
 * One embedded Postgres per test run (a fresh one costs seconds and hundreds of MB), shared by
 * every test file in the worker; each file gets its own schema, so files cannot see each other.
 */
let embedded: Promise<EmbeddedServer> | undefined;

export interface TestDatabase extends Database {
  /** Drop the schema and close the connections. */
  dispose(): Promise<void>;
}

/**
 * A migrated database in a schema of its own: on `DATABASE_URL` when it is set (the same suite
 * then runs against a real server), on the shared embedded database otherwise.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const schema = `test_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const url = process.env.DATABASE_URL;
  const database = url
    ? await openDatabase({ url, schema, maxConnections: 5 })
    : await openDatabase({ embedded: await (embedded ??= openEmbeddedServer()), schema });
  await migrate(database);
  return {
    ...database,
    async dispose() {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.raw);
      // The job runner keeps pg-boss's tables beside the test schema (see @sarnakh/jobs' jobsSchemaName).
      await sql`drop schema if exists ${sql.id(`${schema}_jobs`)} cascade`.execute(database.raw);
      await database.close();
    },
  };
}
