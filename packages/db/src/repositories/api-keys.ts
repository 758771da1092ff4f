import { createHash, randomBytes } from 'node:crypto';
import type { DuplicatePolicy } from '@sarnakh/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import { jsonb, readJson } from '../json.js';
import type { ApiKeysTable, SarnakhDatabase } from '../schema.js';
import { isUuid } from './leads.js';

/**
 * `server` keys are secrets used server to server; `form` keys are published in web pages, so they
 * are tied to the origins allowed to use them and rate-limited per visitor as well.
 */
export const apiKeyKinds = ['server', 'form'] as const;
export type ApiKeyKind = (typeof apiKeyKinds)[number];

/** What a key fills in for captured leads that leave these empty (and how duplicates are handled). */
export interface ApiKeyDefaults {
  source?: string;
  channel?: string;
  ownerId?: string;
  stage?: string;
  priority?: string;
  duplicatePolicy?: DuplicatePolicy;
}

/** A key as stored: never the key itself, nor its hash. */
export interface ApiKey {
  id: string;
  name: string;
  /** The key's first characters (`sk_live_AbCd`), so people can tell keys apart. */
  start: string;
  kind: ApiKeyKind;
  defaults: ApiKeyDefaults;
  rateLimitPerMinute: number;
  allowedOrigins: string[];
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface NewApiKey {
  name: string;
  kind: ApiKeyKind;
  defaults?: ApiKeyDefaults;
  /** Omitted: the column's default (600). */
  rateLimitPerMinute?: number;
  allowedOrigins?: string[];
  createdBy: string | null;
  expiresAt?: Date | null;
}

const prefixes: Record<ApiKeyKind, string> = { server: 'sk_live_', form: 'pk_live_' };
/** 24 random bytes are 32 base64url characters: 192 bits, far beyond guessing. */
const RANDOM_BYTES = 24;
const START_LENGTH = 12;
const KEY_SHAPE = /^(sk|pk)_live_[A-Za-z0-9_-]{32}$/;
/** Writing last_used_at on every request would turn each capture into two writes; a minute is precise enough. */
const TOUCH_EVERY_MS = 60_000;

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

const columns = [
  'id',
  'name',
  'start',
  'kind',
  'defaults',
  'rateLimitPerMinute',
  'allowedOrigins',
  'createdBy',
  'createdAt',
  'lastUsedAt',
  'expiresAt',
  'revokedAt',
] as const;

type Row = Pick<Selectable<ApiKeysTable>, (typeof columns)[number]>;

const toApiKey = (row: Row): ApiKey => ({
  ...row,
  defaults: readJson<ApiKeyDefaults>(row.defaults),
  allowedOrigins: readJson<string[]>(row.allowedOrigins),
});

/** Usable now: neither revoked nor expired. */
export const isActiveApiKey = (key: Pick<ApiKey, 'revokedAt' | 'expiresAt'>, now = new Date()) =>
  key.revokedAt === null && (key.expiresAt === null || key.expiresAt > now);

export function createApiKeyRepository(db: Kysely<SarnakhDatabase>) {
  // Per process: skips even the conditional UPDATE for a key touched in the last minute.
  const touched = new Map<string, number>();

  return {
    /** The plain key is returned here once; only its hash is stored. */
    async create(input: NewApiKey, at = new Date()): Promise<{ apiKey: ApiKey; key: string }> {
      const key = prefixes[input.kind] + randomBytes(RANDOM_BYTES).toString('base64url');
      const row = await db
        .insertInto('apiKeys')
        .values({
          name: input.name,
          start: key.slice(0, START_LENGTH),
          keyHash: hashApiKey(key),
          scopes: jsonb(['capture']),
          createdBy: input.createdBy,
          createdAt: at,
          expiresAt: input.expiresAt ?? null,
          lastUsedAt: null,
          revokedAt: null,
          kind: input.kind,
          defaults: jsonb<Record<string, unknown>>({ ...input.defaults }),
          allowedOrigins: jsonb(input.allowedOrigins ?? []),
          ...(input.rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute: input.rateLimitPerMinute }),
        })
        .returning(columns)
        .executeTakeFirstOrThrow();
      return { apiKey: toApiKey(row), key };
    },

    /** Newest first, revoked ones included (the admin app shows them struck through). */
    async list(): Promise<ApiKey[]> {
      const rows = await db.selectFrom('apiKeys').select(columns).orderBy('createdAt', 'desc').orderBy('id').execute();
      return rows.map(toApiKey);
    },

    async get(id: string): Promise<ApiKey | null> {
      if (!isUuid(id)) return null;
      const row = await db.selectFrom('apiKeys').select(columns).where('id', '=', id).executeTakeFirst();
      return row ? toApiKey(row) : null;
    },

    /** Revoking twice keeps the first time. Null when there is no such key. */
    async revoke(id: string, at = new Date()): Promise<ApiKey | null> {
      if (!isUuid(id)) return null;
      const row = await db
        .updateTable('apiKeys')
        .set({ revokedAt: sql<Date>`coalesce(revoked_at, ${at})` })
        .where('id', '=', id)
        .returning(columns)
        .executeTakeFirst();
      return row ? toApiKey(row) : null;
    },

    /**
     * The active key this plain key stands for, or null. Looked up by hash, so timing reveals
     * nothing about stored keys; malformed input never reaches the database.
     */
    async findByKey(plain: string, now = new Date()): Promise<ApiKey | null> {
      if (!KEY_SHAPE.test(plain)) return null;
      const row = await db.selectFrom('apiKeys').select(columns).where('keyHash', '=', hashApiKey(plain)).executeTakeFirst();
      if (!row) return null;
      const key = toApiKey(row);
      return isActiveApiKey(key, now) ? key : null;
    },

    /** Record use, at most once a minute per key (the WHERE keeps several processes to that too). */
    async touch(id: string, at = new Date()): Promise<void> {
      const last = touched.get(id);
      if (last !== undefined && at.getTime() - last < TOUCH_EVERY_MS) return;
      touched.set(id, at.getTime());
      const cutoff = new Date(at.getTime() - TOUCH_EVERY_MS);
      await db
        .updateTable('apiKeys')
        .set({ lastUsedAt: at })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<=', cutoff)]))
        .execute();
    },

    /**
     * Whether some active form key accepts this origin. A CORS preflight carries no key, so this
     * is all it can be checked against; the real request is then checked against its own key.
     */
    async isAllowedFormOrigin(origin: string, now = new Date()): Promise<boolean> {
      const row = await db
        .selectFrom('apiKeys')
        .select('id')
        .where('kind', '=', 'form')
        .where('revokedAt', 'is', null)
        .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
        .where(sql<boolean>`allowed_origins @> ${jsonb([origin])}`)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type ApiKeyRepository = ReturnType<typeof createApiKeyRepository>;
