import type { Services } from '@sarnakh/api';
import type { SarnakhPlugin } from '@sarnakh/plugin-sdk';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import { pluginRuntime } from './plugin-runtime.js';

/**
 * Mount each plugin's Hono routes at `/api/plugins/<id>/`, on an app of its own. While the plugin
 * is disabled every one of its paths answers 404, as if it were not installed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mountPluginRoutes(app: Hono<any>, plugins: readonly SarnakhPlugin[], services: Services, logger: Logger): void {
  for (const plugin of plugins) {
    if (!plugin.routes) continue;
    const sub = new Hono();
    sub.use(async (c, next) => {
      if (!services.plugins.host.isEnabled(plugin.id)) {
        return c.json({ error: { code: 'NOT_FOUND', message: `No route for ${c.req.method} ${c.req.path}.` } }, 404);
      }
      await next();
    });
    plugin.routes(sub, pluginRuntime(plugin.id, () => services));
    sub.onError((error, c) => {
      logger.error({ plugin: plugin.id, err: error, path: c.req.path }, 'plugin route failed');
      return c.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on the server.' } }, 500);
    });
    app.route(`/api/plugins/${plugin.id}`, sub);
  }
}
