import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  SARNAKH_DATA_DIR: z.string().min(1).default('./.sarnakh/data'),
  SARNAKH_ADMIN_EMAIL: z.email().optional().or(z.literal('').transform(() => undefined)),
  SARNAKH_ADMIN_PASSWORD: z.string().min(8).max(128).optional().or(z.literal('').transform(() => undefined)),
  SARNAKH_DEMO: flag,
  /** Where users reach the server; sign-in only accepts requests from this origin (and loopback). */
  SARNAKH_PUBLIC_URL: z.string().url().optional(),
  /** Extra origins allowed to sign in, comma-separated (e.g. the Vite dev server). */
  SARNAKH_TRUSTED_ORIGINS: z.string().optional(),
  SARNAKH_AUTH_SECRET: z.string().min(32).optional(),
  /** How many reverse proxies in front of the server to believe in X-Forwarded-For (0: none). */
  SARNAKH_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** The built web app to serve at `/` (default: apps/admin/dist in this checkout). */
  SARNAKH_ADMIN_DIST: z.string().min(1).optional().or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  admin: { email: string; password: string } | null;
  demo: boolean;
  publicUrl: string;
  trustedOrigins: string[];
  authSecret: string | undefined;
  /** Proxy hops whose X-Forwarded-For is believed for per-client rate limits. */
  trustProxy: number;
  /** The built web app's folder, when not the checkout's apps/admin/dist. */
  adminDist: string | undefined;
  logLevel: z.output<typeof envSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`invalid environment: ${problems.map((p) => `${p.variable}: ${p.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Read the server's settings from the environment; every problem is reported by variable name. */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ variable: String(i.path[0]), message: i.message })));
  }
  const e = parsed.data;
  if (Boolean(e.SARNAKH_ADMIN_EMAIL) !== Boolean(e.SARNAKH_ADMIN_PASSWORD)) {
    throw new ConfigError([
      { variable: e.SARNAKH_ADMIN_EMAIL ? 'SARNAKH_ADMIN_PASSWORD' : 'SARNAKH_ADMIN_EMAIL', message: 'set both SARNAKH_ADMIN_EMAIL and SARNAKH_ADMIN_PASSWORD, or neither' },
    ]);
  }
  const publicUrl = (e.SARNAKH_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const trustedOrigins = [
    new URL(publicUrl).origin,
    `http://localhost:${e.PORT}`,
    `http://127.0.0.1:${e.PORT}`,
    ...(e.SARNAKH_TRUSTED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
  ];
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.SARNAKH_DATA_DIR,
    admin: e.SARNAKH_ADMIN_EMAIL && e.SARNAKH_ADMIN_PASSWORD ? { email: e.SARNAKH_ADMIN_EMAIL, password: e.SARNAKH_ADMIN_PASSWORD } : null,
    demo: e.SARNAKH_DEMO,
    publicUrl,
    trustedOrigins: [...new Set(trustedOrigins)],
    authSecret: e.SARNAKH_AUTH_SECRET,
    trustProxy: e.SARNAKH_TRUST_PROXY,
    adminDist: e.SARNAKH_ADMIN_DIST,
    logLevel: e.LOG_LEVEL,
  };
}
