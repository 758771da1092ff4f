import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { CamelCasePlugin, Kysely, sql } from 'kysely';
import { PostgresJSDialect } from 'kysely-postgres-js';
import postgres from 'postgres';
import { lockDataDir } from './dialect/data-dir-lock.js';
import { ConnectionLock, PgliteDialect } from './dialect/pglite-driver.js';
import type { SarnakhDatabase } from './schema.js';

export type DatabaseKind = 'embedded' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  /** For the application: camelCase names mapped to the snake_case schema. */
  db: Kysely<SarnakhDatabase>;
  /** The same connection without name mapping, for libraries that name columns themselves. */
  raw: Kysely<unknown>;
  /** The schema everything lives in (tests isolate by schema); null for the default path. */
  schema: string | null;
  /**
   * Run one SQL text as a library hands it over (pg-boss's `db.executeSql`): parameters as `$1…`,
   * or, without parameters, several statements separated by `;` (their last result is returned).
   * On the embedded database it waits its turn on the single connection like every other query.
   */
  executeSql(text: string, values?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

/** An embedded Postgres that several `Database`s (one per schema) may share. */
export interface EmbeddedServer {
  client: PGlite;
  lock: ConnectionLock;
  /** Release the data folder (after the client is closed). */
  unlock: () => void;
}

export interface DatabaseOptions {
  /** A Postgres URL; without it the embedded database is used. */
  url?: string | undefined;
  /** The embedded database's folder; without it (and without `embedded`) it lives in memory. */
  dataDir?: string | undefined;
  /** Share an embedded server already open (tests open one per run). */
  embedded?: EmbeddedServer | undefined;
  /** Put every table in this schema (created if missing). */
  schema?: string | undefined;
  /** Pool size for a Postgres URL. */
  maxConnections?: number | undefined;
}

export async function openEmbeddedServer(dataDir?: string): Promise<EmbeddedServer> {
  if (!dataDir) {
    const client = await PGlite.create({ extensions: { pg_trgm } });
    return { client, lock: new ConnectionLock(), unlock: () => {} };
  }
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const unlock = lockDataDir(dir);
  try {
    const client = await PGlite.create(dir, { extensions: { pg_trgm } });
    return { client, lock: new ConnectionLock(), unlock };
  } catch (error) {
    unlock();
    throw error;
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function assertSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
}

/**
 * Open the database: a Postgres server when a URL is given, the embedded one otherwise. Both get
 * the same schema (see `migrate`), so everything above this line works the same on either.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const schema = options.schema ?? null;
  if (schema !== null) assertSchemaName(schema);
  const searchPath = schema === null ? undefined : `${quoteIdent(schema)}, public`;

  let raw: Kysely<unknown>;
  let kind: DatabaseKind;
  let release = () => {};
  let executeSql: Database['executeSql'];
  if (options.url) {
    kind = 'postgres';
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      ...(searchPath ? { connection: { search_path: searchPath } } : {}),
    });
    raw = new Kysely({ dialect: new PostgresJSDialect({ postgres: client }) });
    executeSql = async (text, values) => {
      if (values && values.length > 0) {
        const rows = await client.unsafe(text, values as postgres.ParameterOrJSON<never>[]);
        return { rows: [...rows] as Record<string, unknown>[] };
      }
      // The simple protocol allows several statements; postgres.js answers each one's rows.
      const result: unknown = await client.unsafe(text).simple();
      const last = Array.isArray(result) && Array.isArray(result[result.length - 1]) ? result[result.length - 1] : result;
      return { rows: [...(last as Record<string, unknown>[])] };
    };
  } else {
    kind = 'embedded';
    const shared = options.embedded;
    const server = shared ?? (await openEmbeddedServer(options.dataDir));
    if (!shared) release = server.unlock;
    raw = new Kysely({
      dialect: new PgliteDialect(server.client, {
        lock: server.lock,
        closeClient: !shared,
        ...(searchPath ? { searchPath } : {}),
      }),
    });
    executeSql = async (text, values) => {
      const releaseLock = await server.lock.acquire();
      try {
        if (searchPath && server.lock.searchPath !== searchPath) {
          await server.client.query(`set search_path to ${searchPath}`);
          server.lock.searchPath = searchPath;
        }
        if (values && values.length > 0) {
          const result = await server.client.query<Record<string, unknown>>(text, [...values]);
          return { rows: result.rows };
        }
        const results = await server.client.exec(text);
        return { rows: (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[] };
      } finally {
        releaseLock();
      }
    };
  }
  if (schema !== null) await sql`create schema if not exists ${sql.id(schema)}`.execute(raw);

  return {
    kind,
    raw,
    db: raw.withPlugin(new CamelCasePlugin()) as Kysely<SarnakhDatabase>,
    schema,
    executeSql,
    close: async () => {
      await raw.destroy();
      release();
    },
  };
}

/** A cheap round trip, for health checks. */
export async function pingDatabase(database: Database): Promise<void> {
  await sql`select 1`.execute(database.raw);
}
