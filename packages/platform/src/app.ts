import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { trpcServer } from '@hono/trpc-server';
import { createContext, type Services } from '@sarnakh/api';
import { pingDatabase } from '@sarnakh/db';
import type { SarnakhPlugin } from '@sarnakh/plugin-sdk';
import type { AnyTRPCRouter } from '@trpc/server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId, type RequestIdVariables } from 'hono/request-id';
import type { Logger } from 'pino';
import { captureRoutes, type CaptureOptions } from './capture/routes.js';
import { docsRoutes } from './openapi.js';
import { mountPluginRoutes } from './plugin-routes.js';
import { setupRoutes } from './setup.js';

export interface AppOptions {
  services: Services;
  logger: Logger;
  /** The root router, plugins' routers included (`createAppRouter(plugins)`). */
  appRouter: AnyTRPCRouter;
  plugins: readonly SarnakhPlugin[];
  /** The admin web app's build; served at `/` when it exists. */
  adminDist?: string;
  /** Web-to-lead settings: proxies to trust for client addresses, the per-address form limit. */
  capture?: CaptureOptions;
}

type Env = { Variables: RequestIdVariables };

/** From `packages/platform/src` or `/dist` alike: the repository's `apps/admin/dist`. */
const defaultAdminDist = fileURLToPath(new URL('../../../apps/admin/dist', import.meta.url));

export function createApp({ services, logger, appRouter, plugins, adminDist = defaultAdminDist, capture }: AppOptions) {
  const app = new Hono<Env>();

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // Handlers that build their own Response (tRPC, better-auth) skip Hono's header helpers.
    if (!c.res.headers.has('x-request-id')) c.res.headers.set('x-request-id', c.get('requestId'));
    logger.info(
      { requestId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });
  app.onError((error, c) => {
    logger.error({ requestId: c.get('requestId'), err: error }, 'unhandled error');
    return c.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on the server.', requestId: c.get('requestId') } }, 500);
  });

  app.get('/healthz', async (c) => {
    try {
      await pingDatabase(services.database);
      return c.json({ status: 'ok', database: services.database.kind });
    } catch (error) {
      logger.error({ err: error }, 'health check: database unreachable');
      return c.json({ status: 'unavailable', database: services.database.kind }, 503);
    }
  });

  const apiBodyLimit = bodyLimit({ maxSize: 1024 * 1024 });
  // A plugin's file uploads (multipart, under /api/plugins/) stream to disk under the plugin's own
  // size limit (e.g. excel-import's `maxUploadMb`); every other API body stays within 1 MB.
  app.use('/api/*', (c, next) =>
    c.req.path.startsWith('/api/plugins/') && (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')
      ? next()
      : apiBodyLimit(c, next),
  );
  app.on(['GET', 'POST'], '/api/auth/*', (c) => services.auth.handler(c.req.raw));

  app.use('/trpc/*', bodyLimit({ maxSize: 1024 * 1024 }));
  app.use(
    '/trpc/*',
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      createContext: (_opts, c) => createContext(services, c.req.raw.headers, c.get('requestId') as string),
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error.cause ?? error, path }, 'tRPC procedure failed');
      },
    }),
  );

  app.route('/setup', setupRoutes(services));
  app.route('/api/capture', captureRoutes(services, logger, capture));
  app.route('/api/docs', docsRoutes(plugins));
  mountPluginRoutes(app, plugins, services, logger);

  if (existsSync(adminDist)) {
    app.use('/*', serveStatic({ root: adminDist }));
    // Client-side routes: any other GET that is not an API path gets the app's shell.
    app.get('*', serveStatic({ root: adminDist, path: 'index.html' }));
  } else {
    app.get('/', (c) =>
      c.json({ name: 'Sarnakh', status: 'ok', api: { trpc: '/trpc', auth: '/api/auth', health: '/healthz' }, webApp: 'not built' }),
    );
  }
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `No route for ${c.req.method} ${c.req.path}.` } }, 404));
  return app;
}
