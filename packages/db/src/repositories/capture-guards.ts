import type { Kysely } from 'kysely';
import { jsonb, readJson } from '../json.js';
import type { SarnakhDatabase } from '../schema.js';

const WINDOW_MS = 60_000;
/**
 * A request still marked running after this long is taken to have died with its process (a crash
 * cannot run `abandon`), so a retry may take it over instead of getting 409 for a day.
 */
const STALE_RUNNING_MS = 60_000;

export interface RateLimitHit {
  allowed: boolean;
  limit: number;
  /** Requests left in this window (0 once over). */
  remaining: number;
  /** When the window ends and the count starts again. */
  resetAt: Date;
}

export type CaptureRequestStart =
  /** This request runs; finish or abandon it. */
  | { kind: 'new' }
  /** Answered before: send this again. */
  | { kind: 'replay'; status: number; response: Record<string, unknown> }
  /** The first request with this key has not answered yet. */
  | { kind: 'in_progress' }
  /** The key was used for a different body. */
  | { kind: 'mismatch' };

/**
 * Rate limits and idempotency for the capture endpoint, kept in Postgres so every server process
 * shares them. Old rows are deleted by the `core.capture-cleanup` job.
 */
export function createCaptureGuards(db: Kysely<SarnakhDatabase>) {
  return {
    /**
     * Count one hit in the current one-minute window. One statement, so simultaneous requests on
     * several processes all count: the row lock serializes the increments.
     */
    async hitRateLimit(bucket: string, limit: number, now = new Date()): Promise<RateLimitHit> {
      const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
      const { hits } = await db
        .insertInto('rateLimitBuckets')
        .values({ bucket, windowStart, hits: 1 })
        .onConflict((oc) => oc.columns(['bucket', 'windowStart']).doUpdateSet((eb) => ({ hits: eb('rateLimitBuckets.hits', '+', 1) })))
        .returning('hits')
        .executeTakeFirstOrThrow();
      return {
        allowed: hits <= limit,
        limit,
        remaining: Math.max(0, limit - hits),
        resetAt: new Date(windowStart.getTime() + WINDOW_MS),
      };
    },

    /** Claim `(apiKeyId, key)` for this request, or say why it must not run. */
    async beginCaptureRequest(apiKeyId: string, key: string, requestHash: string, now = new Date()): Promise<CaptureRequestStart> {
      // A row can vanish between the insert and the read (abandoned, or cleaned up): try again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const inserted = await db
          .insertInto('captureRequests')
          .values({ apiKeyId, idempotencyKey: key, requestHash, status: null, response: null, createdAt: now })
          .onConflict((oc) => oc.columns(['apiKeyId', 'idempotencyKey']).doNothing())
          .returning('apiKeyId')
          .executeTakeFirst();
        if (inserted) return { kind: 'new' };

        const row = await db
          .selectFrom('captureRequests')
          .select(['requestHash', 'status', 'response', 'createdAt'])
          .where('apiKeyId', '=', apiKeyId)
          .where('idempotencyKey', '=', key)
          .executeTakeFirst();
        if (!row) continue;
        if (row.requestHash !== requestHash) return { kind: 'mismatch' };
        if (row.status !== null) {
          return { kind: 'replay', status: row.status, response: readJson<Record<string, unknown>>(row.response) ?? {} };
        }
        if (now.getTime() - row.createdAt.getTime() < STALE_RUNNING_MS) return { kind: 'in_progress' };

        // Take over a stale run. The age test in the WHERE makes it a compare-and-set: of two
        // retries racing here, the second sees the fresh created_at and gets `in_progress`.
        const taken = await db
          .updateTable('captureRequests')
          .set({ createdAt: now })
          .where('apiKeyId', '=', apiKeyId)
          .where('idempotencyKey', '=', key)
          .where('status', 'is', null)
          .where('createdAt', '<', new Date(now.getTime() - STALE_RUNNING_MS))
          .returning('apiKeyId')
          .executeTakeFirst();
        return taken ? { kind: 'new' } : { kind: 'in_progress' };
      }
      return { kind: 'in_progress' };
    },

    /** Store the answer, to be replayed to retries with the same key and body. */
    async finishCaptureRequest(apiKeyId: string, key: string, status: number, response: Record<string, unknown>): Promise<void> {
      await db
        .updateTable('captureRequests')
        .set({ status, response: jsonb(response) })
        .where('apiKeyId', '=', apiKeyId)
        .where('idempotencyKey', '=', key)
        .execute();
    },

    /** Forget a request that could not be answered (a crash, a 5xx), so a retry runs it afresh. */
    async abandonCaptureRequest(apiKeyId: string, key: string): Promise<void> {
      await db
        .deleteFrom('captureRequests')
        .where('apiKeyId', '=', apiKeyId)
        .where('idempotencyKey', '=', key)
        .where('status', 'is', null)
        .execute();
    },
  };
}

export type CaptureGuards = ReturnType<typeof createCaptureGuards>;
