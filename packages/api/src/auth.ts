import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import type { Database } from '@sarnakh/db';

export interface AuthOptions {
  database: Database;
  /** Signs session cookies; shared by every server process (see `loadAuthSecret`). */
  secret: string;
  /** Where the server is reached, e.g. http://localhost:3000. */
  baseURL: string;
  /** Origins allowed to call the sign-in routes (the web app's). */
  trustedOrigins: string[];
}

/**
 * better-auth over our Kysely connection. Its tables are created by our migrations in snake_case,
 * so each of its field names is mapped here (a test checks it sees nothing left to migrate).
 * Public sign-up is off: admins create users (`users.create`).
 */
export function createAuth(options: AuthOptions) {
  const { database } = options;
  return betterAuth({
    appName: 'Sarnakh',
    database: { db: database.raw, type: 'postgres' },
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: '/api/auth',
    trustedOrigins: options.trustedOrigins,
    telemetry: { enabled: false },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 128 },
    user: {
      modelName: 'users',
      fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' },
      additionalFields: {
        role: { type: 'string', input: false, required: true, defaultValue: 'agent' },
        active: { type: 'boolean', input: false, required: true, defaultValue: true },
      },
    },
    session: {
      modelName: 'sessions',
      fields: {
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        userId: 'user_id',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    account: {
      modelName: 'accounts',
      fields: {
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    verification: {
      modelName: 'verifications',
      fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
    advanced: {
      database: { generateId: () => crypto.randomUUID() },
      cookiePrefix: 'sarnakh',
    },
    hooks: {
      // An inactive user cannot sign in, whatever their password.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const email = typeof ctx.body?.email === 'string' ? ctx.body.email.trim().toLowerCase() : '';
        const user = await database.db.selectFrom('users').select('active').where('email', '=', email).executeTakeFirst();
        if (user && !user.active) throw new APIError('FORBIDDEN', { message: 'This account is inactive.', code: 'USER_INACTIVE' });
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
