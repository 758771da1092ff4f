import { rmSync } from 'node:fs';
import { openDatabase, openEmbeddedServer, type Database, type EmbeddedServer } from '@sarnakh/db';
import postgres from 'postgres';

/**
 * A database under test: the application's `Database` (what the platform runs on) plus the driver
 * underneath it, for the raw-limit counterparts and for COPY. Both speak to the same tables.
 */
export interface Target {
  kind: 'embedded' | 'postgres';
  /** Shown in the report: the data folder, or the URL without its password. */
  where: string;
  database: Database;
  /** One SQL text with `$n` parameters, straight through the driver (no Kysely, no mapping). */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** `COPY table (columns) FROM STDIN` in text format; `text` is whole lines. */
  copy(table: string, columns: readonly string[], text: string): Promise<void>;
  /** Run `work` on one connection with foreign-key triggers off (bulk load of consistent data). */
  withoutTriggers<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const copySql = (table: string, columns: readonly string[]) => `copy ${quote(table)} (${columns.map(quote).join(', ')}) from `;

/** The embedded database: a PGlite data folder (kept between runs), or in memory without `dataDir`. */
export async function openEmbeddedTarget(dataDir?: string): Promise<Target> {
  const server: EmbeddedServer = await openEmbeddedServer(dataDir);
  const database = await openDatabase({ embedded: server });
  // Every use waits for the single connection, as the application's own queries do.
  const locked = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await server.lock.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  };
  let triggersOff = false;
  return {
    kind: 'embedded',
    where: dataDir ?? 'in memory',
    database,
    query: async <R>(text: string, params: readonly unknown[] = []) => {
      const run = () => server.client.query<R>(text, [...params]);
      return (triggersOff ? await run() : await locked(run)).rows;
    },
    copy: async (table, columns, text) => {
      const run = () => server.client.query(`${copySql(table, columns)}'/dev/blob'`, [], { blob: new Blob([text]) });
      await (triggersOff ? run() : locked(run));
    },
    withoutTriggers: (work) =>
      locked(async () => {
        await server.client.query('set session_replication_role = replica');
        triggersOff = true;
        try {
          return await work();
        } finally {
          triggersOff = false;
          await server.client.query('set session_replication_role = default');
        }
      }),
    async close() {
      await database.close();
      await server.client.close();
      server.unlock();
    },
  };
}

/** Delete an embedded data folder (to reload it). */
export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

export interface PostgresTargetOptions {
  /** Tables in this schema (created if missing; a smoke run's isolation); the default search path otherwise. */
  schema?: string;
}

/** A PostgreSQL server: the application's pool (10 connections, as the server opens it) and a raw postgres.js pool. */
export async function openPostgresTarget(url: string, options: PostgresTargetOptions = {}): Promise<Target> {
  const searchPath = options.schema ? `${quote(options.schema)}, public` : undefined;
  const client = postgres(url, { max: 10, onnotice: () => {}, ...(searchPath ? { connection: { search_path: searchPath } } : {}) });
  const database = await openDatabase({ url, ...(options.schema ? { schema: options.schema } : {}) });
  let reserved: postgres.ReservedSql | null = null;
  const on = () => reserved ?? client;
  return {
    kind: 'postgres',
    where: redact(url),
    database,
    query: async <R>(text: string, params: readonly unknown[] = []) =>
      [...(await on().unsafe(text, params as postgres.ParameterOrJSON<never>[]))] as R[],
    copy: async (table, columns, text) => {
      const stream = await on().unsafe(`${copySql(table, columns)}stdin`).writable();
      await new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        stream.on('finish', resolve);
        stream.end(text);
      });
    },
    async withoutTriggers(work) {
      reserved = await client.reserve();
      try {
        await reserved.unsafe('set session_replication_role = replica');
        return await work();
      } finally {
        await reserved.unsafe('set session_replication_role = default').catch(() => undefined);
        reserved.release();
        reserved = null;
      }
    },
    async close() {
      await client.end({ timeout: 5 });
      await database.close();
    },
  };
}

export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/**
 * Whether a Postgres URL answers; a missing database is created first (on the server's `postgres`
 * database), since the default bench URL names one that a fresh server does not have.
 */
export async function ensurePostgresDatabase(url: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const probe = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await probe`select 1`;
    return { ok: true };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== '3D000') return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await probe.end({ timeout: 1 });
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = postgres(withDatabase(url, 'postgres'), { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${quote(name)}`);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await admin.end({ timeout: 1 });
  }
}

/** Drop and create the database again: only ever called on a database the bench made (see dataset.ts). */
export async function recreatePostgresDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = postgres(withDatabase(url, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${quote(name)} with (force)`);
    await admin.unsafe(`create database ${quote(name)}`);
  } finally {
    await admin.end({ timeout: 1 });
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
