import { createUserAccount, type Context, type SessionUser } from '@sarnakh/api';
import { leadEventNames, type LeadEvents, type Role } from '@sarnakh/core';
import { createPluginStateStore } from '@sarnakh/db';
import { openTestDatabase, type TestDatabase } from '@sarnakh/db/testing';
import { startPlatform, type Platform } from '@sarnakh/platform';
import type { SarnakhPlugin } from '@sarnakh/plugin-sdk';
import { pino } from 'pino';

/** The TRPCError a call fails with (`expect((await failure(call)).code).toBe('NOT_FOUND')`); throws when it succeeds. */
export { failure } from '@sarnakh/api/testing';

export const TEST_PASSWORD = 'password-123';

export interface TestPlatformOptions<P extends readonly SarnakhPlugin[]> {
  /** The plugins under test, plus any they depend on. */
  plugins: P;
  /** Raw settings by plugin id, as an admin would have saved them. */
  settings?: Partial<Record<P[number]['id'], unknown>>;
  /** Plugins to start disabled. */
  disabled?: readonly P[number]['id'][];
  /** Pretend core is this version (to test your compatibility range). */
  coreVersion?: string;
  /** Print the platform's logs (default: silent). */
  log?: boolean;
  /** The platform's clock (lead changes, tasks, reminders, the SLA): move it instead of waiting. */
  now?: () => Date;
}

/** One recorded hook call. */
export type RecordedEvent = { [K in keyof LeadEvents]: { name: K; payload: LeadEvents[K] } }[keyof LeadEvents];

export interface EventSpy {
  readonly events: RecordedEvent[];
  /** The payloads of one event, in order. */
  of<K extends keyof LeadEvents>(name: K): LeadEvents[K][];
  clear(): void;
}

export interface TestPlatform<P extends readonly SarnakhPlugin[]> {
  platform: Platform<P>;
  database: TestDatabase;
  /** Create an active user (password `TEST_PASSWORD`). */
  user(role: Role, name?: string): Promise<SessionUser>;
  /** A typed tRPC caller acting as `user` (null: anonymous), through every middleware, plugins' routers included. */
  as(user: SessionUser | null, locale?: Context['locale']): ReturnType<Platform<P>['appRouter']['createCaller']>;
  /** An HTTP request to the real app (`/api/plugins/<id>/…`, `/api/capture/leads`, …). */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Run every due job (of one queue, e.g. `hello.recount`, or all) now; returns how many ran. */
  runJobs(queue?: string): Promise<number>;
  /** Every lead event since the platform started (or since `events.clear()`). */
  events: EventSpy;
  /** Stop jobs and plugins, drop the test schema. */
  dispose(): Promise<void>;
}

/**
 * Start core plus the given plugins on a fresh database schema (the shared embedded database, or
 * `DATABASE_URL` when set): migrations, boot, routers, routes and job queues, exactly as the server
 * runs them. Jobs do not poll: run them with `runJobs()`.
 *
 *     const t = await startTestPlatform({ plugins: [hello] });
 *     const admin = await t.user('admin');
 *     await t.as(admin).hello.today();
 */
export async function startTestPlatform<const P extends readonly SarnakhPlugin[]>(
  options: TestPlatformOptions<P>,
): Promise<TestPlatform<P>> {
  const database = await openTestDatabase();
  const logger = pino({ level: options.log ? 'info' : 'silent' });
  try {
    const state = createPluginStateStore(database.db);
    for (const [id, settings] of Object.entries(options.settings ?? {})) {
      await state.setSettings(id, settings as Record<string, unknown>, null);
    }
    for (const id of options.disabled ?? []) await state.setEnabled(id, false, null);

    const platform = await startPlatform({
      database,
      plugins: options.plugins,
      logger,
      auth: { secret: 'test-secret-that-is-long-enough-for-better-auth', baseURL: 'http://localhost:3000', trustedOrigins: ['http://localhost:3000'] },
      adminDist: '/nonexistent/sarnakh-admin-dist',
      jobs: { poll: false },
      pluginStateRefreshSeconds: 3600,
      ...(options.coreVersion ? { coreVersion: options.coreVersion } : {}),
      ...(options.now ? { now: options.now } : {}),
    });

    const events: RecordedEvent[] = [];
    for (const name of leadEventNames) {
      platform.host.hooks.on(name, (payload) => void events.push({ name, payload } as RecordedEvent), { pluginId: 'plugin-testing' });
    }

    let n = 0;
    return {
      platform,
      database,
      async user(role, name = `${role}-${++n}`) {
        const created = await createUserAccount(platform.services, {
          email: `${name}-${crypto.randomUUID().slice(0, 8)}@example.com`,
          name,
          password: TEST_PASSWORD,
          role,
        });
        if (!created.ok) throw new Error(`could not create test user: ${created.error.fields.map((f) => f.message).join('; ')}`);
        const u = created.value;
        return { id: u.id, name: u.name, email: u.email, role: u.role, active: u.active };
      },
      as(user, locale = 'en') {
        return platform.appRouter.createCaller({ services: platform.services, user, locale, requestId: 'test' }) as ReturnType<
          Platform<P>['appRouter']['createCaller']
        >;
      },
      request: (path, init) => Promise.resolve(platform.app.request(path, init)),
      runJobs: (queue) => platform.jobs.drain(queue),
      events: {
        events,
        of: <K extends keyof LeadEvents>(name: K) => events.filter((e) => e.name === name).map((e) => e.payload as LeadEvents[K]),
        clear: () => void events.splice(0),
      },
      async dispose() {
        await platform.stop();
        await database.dispose();
      },
    };
  } catch (error) {
    await database.dispose();
    throw error;
  }
}
