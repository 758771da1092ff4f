import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/**
 * A FIFO lock. PGlite is a single connection: while one caller holds it (for a query or a whole
 * transaction) nobody else may send a statement, or it would run inside the holder's transaction.
 */
export class ConnectionLock {
  #tail: Promise<void> = Promise.resolve();
  /** The search_path the connection has now; several dialects (one per schema) may share it. */
  searchPath: string | null = null;

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => held);
    await previous;
    return release;
  }
}

class PgliteConnection implements DatabaseConnection {
  constructor(private readonly client: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.client.query<R>(compiled.sql, [...compiled.parameters]);
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected === undefined ? {} : { numAffectedRows: BigInt(affected) }),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on the embedded database');
  }
}

class PgliteDriver implements Driver {
  readonly #connection: PgliteConnection;
  readonly #releases = new WeakMap<DatabaseConnection, () => void>();

  constructor(
    private readonly client: PGlite,
    private readonly lock: ConnectionLock,
    private readonly closeClient: boolean,
    private readonly searchPath: string | null,
  ) {
    this.#connection = new PgliteConnection(client);
  }

  async init(): Promise<void> {
    await this.client.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.lock.acquire();
    try {
      if (this.searchPath !== null && this.lock.searchPath !== this.searchPath) {
        await this.client.query(`set search_path to ${this.searchPath}`);
        this.lock.searchPath = this.searchPath;
      }
    } catch (error) {
      release();
      throw error;
    }
    this.#releases.set(this.#connection, release);
    return this.#connection;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const release = this.#releases.get(connection);
    this.#releases.delete(connection);
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    if (this.closeClient && !this.client.closed) await this.client.close();
  }
}

export interface PgliteDialectOptions {
  /** Shared by every dialect over the same PGlite instance. */
  lock?: ConnectionLock;
  /** Close the PGlite instance when Kysely is destroyed. */
  closeClient?: boolean;
  /** A quoted, comma-separated search_path set whenever this dialect takes the connection. */
  searchPath?: string;
}

/** A Kysely dialect over one PGlite instance, serializing every use of its single connection. */
export class PgliteDialect implements Dialect {
  private readonly lock: ConnectionLock;

  constructor(
    private readonly client: PGlite,
    private readonly options: PgliteDialectOptions = {},
  ) {
    this.lock = options.lock ?? new ConnectionLock();
  }

  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PgliteDriver(this.client, this.lock, this.options.closeClient ?? true, this.options.searchPath ?? null);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
