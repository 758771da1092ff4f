import { CORE_VERSION, createPluginHost, type AnyPlugin, type PluginHost, type Role } from '@sarnakh/core';
import type { Database } from '@sarnakh/db';
import { openTestDatabase, type TestDatabase } from '@sarnakh/db/testing';
import { TRPCError } from '@trpc/server';
import { createUserAccount } from '../accounts.js';
import type { Context, SessionUser } from '../context.js';
import { appRouter } from '../router.js';
import { createServices, type Services } from '../services.js';

export interface TestApi {
  database: TestDatabase;
  services: Services;
  /** Create an active user with this role; password `password-123`. */
  user(role: Role, name?: string): Promise<SessionUser>;
  /** A tRPC caller acting as `user` (or anonymous), going through every middleware. */
  as(user: SessionUser | null, locale?: Context['locale']): ReturnType<typeof appRouter.createCaller>;
  dispose(): Promise<void>;
}

export const TEST_PASSWORD = 'password-123';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * Real services over `database` with a booted plugin host (no plugins unless given; plugins with
 * migrations or jobs need `@sarnakh/plugin-testing`, which runs those too).
 */
export async function createTestServices(database: Database, plugins: readonly AnyPlugin[] = []): Promise<Services & { host: PluginHost }> {
  // The host hands plugins their services, which need the host: tie the knot through a box.
  const box: { services?: Services } = {};
  const host = createPluginHost({ coreVersion: CORE_VERSION, plugins, logger: silent, services: (id) => box.services?.plugins.servicesFor(id) });
  const services = (box.services = createServices({
    database,
    host,
    logger: silent,
    auth: {
      secret: 'test-secret-that-is-long-enough-for-better-auth',
      baseURL: 'http://localhost:3000',
      trustedOrigins: ['http://localhost:3000'],
    },
  }));
  await host.boot();
  return Object.assign(services, { host });
}

/** Real services over a schema-isolated test database (embedded, or DATABASE_URL when set). */
export async function createTestApi(plugins: readonly AnyPlugin[] = []): Promise<TestApi> {
  const database = await openTestDatabase();
  const services = await createTestServices(database, plugins);
  let n = 0;
  return {
    database,
    services,
    async user(role, name = `${role}-${++n}`) {
      const created = await createUserAccount(services, {
        email: `${name}-${crypto.randomUUID().slice(0, 8)}@example.com`,
        name,
        password: TEST_PASSWORD,
        role,
      });
      if (!created.ok) throw new Error('could not create test user');
      const u = created.value;
      return { id: u.id, name: u.name, email: u.email, role: u.role, active: u.active };
    },
    as(user, locale = 'en') {
      return appRouter.createCaller({ services, user, locale, requestId: 'test' });
    },
    dispose: async () => {
      await services.host.shutdown();
      await database.dispose();
    },
  };
}

/** The TRPCError a call fails with; fails the test when the call succeeds. */
export async function failure(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail, it succeeded');
}
