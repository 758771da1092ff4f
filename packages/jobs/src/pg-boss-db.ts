import { createHash } from 'node:crypto';
import type { Database } from '@sarnakh/db';

/** What pg-boss 10 calls instead of opening its own `pg` pool (its `db` constructor option). */
export interface PgBossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** pg-boss wants a schema name of at most 50 characters, letters, digits and underscores. */
const MAX_SCHEMA_LENGTH = 50;

/**
 * Where pg-boss keeps its tables: beside the database's own schema (`<schema>_jobs`, so test files,
 * each in a schema of its own, do not share queues), or `sarnakh_jobs` on the default path.
 */
export function jobsSchemaName(database: Pick<Database, 'schema'>): string {
  if (database.schema === null) return 'sarnakh_jobs';
  const name = `${database.schema}_jobs`;
  if (name.length <= MAX_SCHEMA_LENGTH) return name;
  const hash = createHash('sha256').update(database.schema).digest('hex').slice(0, 8);
  return `${database.schema.slice(0, MAX_SCHEMA_LENGTH - 14)}_${hash}_jobs`;
}

/** pg-boss's `createQueue()`: a function that inserts the queue row and attaches its job partition. */
const CREATE_QUEUE = /^\s*SELECT (\w+)\.create_queue\(\$1, \$2\)\s*$/;

/** A string as an SQL literal (standard_conforming_strings is on: only quotes need doubling). */
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** pg-boss's `locked()` wraps a command list as `BEGIN; …; COMMIT;`, sent as one text without parameters. */
const EXPLICIT_TRANSACTION = /^\s*BEGIN\s*;([\s\S]*?)COMMIT\s*;?\s*$/i;

/**
 * pg-boss 10's SQL as our drivers need it. pg-boss reads only `.rows` (of single statements); the
 * results of its multi-statement texts (schema creation, migrations, maintenance) are ignored.
 *
 * - `BEGIN; …; COMMIT;` loses its explicit BEGIN and COMMIT. A failing statement in an explicit
 *   block leaves the connection in an aborted transaction (pg-boss then goes on: a lost creation
 *   race is expected to fail with "already exists"), which on PGlite's single connection breaks
 *   every later query of the app, and on a pool poisons one connection. Without them, PostgreSQL runs
 *   a multi-statement text as one implicit transaction that it rolls back itself on an error;
 *   `SET LOCAL` and `pg_advisory_xact_lock` keep working inside it.
 * - `undefined` parameters become `null` (pg-boss passes unset options as `undefined`, which
 *   postgres.js refuses).
 * - `json_to_recordset($1)` reads its text parameter as text: pg-boss passes a JSON string there
 *   (cron runs, `insert`), which postgres.js would encode a second time.
 * - `create_queue($1, $2)` runs under an advisory lock. Two processes creating the same new queue
 *   deadlock on PostgreSQL otherwise (one waits on the other's queue row while holding the lock the
 *   other needs to add its partition's foreign key). Its two values are inlined as literals, so the
 *   lock and the call can share one implicit transaction.
 */
export function pgBossDb(database: Pick<Database, 'executeSql'>): PgBossDb {
  return {
    async executeSql(text, values) {
      const createQueue = values?.length === 2 ? CREATE_QUEUE.exec(text) : null;
      if (createQueue && typeof values?.[0] === 'string') {
        const schema = createQueue[1] ?? '';
        return database.executeSql(
          `SELECT pg_advisory_xact_lock(hashtext(${literal(`${schema}.create_queue`)}));
           SELECT ${schema}.create_queue(${literal(values[0])}, ${literal(JSON.stringify(values[1] ?? {}))}::json)`,
        );
      }
      if (values && values.length > 0) {
        const sql = text.replaceAll('json_to_recordset($1)', 'json_to_recordset($1::text::json)');
        return database.executeSql(sql, values.map((value) => (value === undefined ? null : value)));
      }
      const match = EXPLICIT_TRANSACTION.exec(text);
      return database.executeSql(match ? (match[1] ?? '') : text);
    },
  };
}
