import path from 'node:path';
import { serve } from '@hono/node-server';
import { loadAuthSecret } from '@sarnakh/api';
import { migrate, openDatabase } from '@sarnakh/db';
import { startPlatform } from '@sarnakh/platform';
import { pino } from 'pino';
import { bootstrap } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { installedPlugins } from './plugins.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const p of error.problems) console.error(`Configuration error: ${p.variable}: ${p.message}`);
      process.exit(2);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel, base: { service: 'sarnakh' } });

  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  logger.info({ database: database.kind, ...(database.kind === 'embedded' ? { dataDir: config.dataDir } : {}) }, 'database open');
  const applied = await migrate(database);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');

  const secret = await loadAuthSecret(database, config.authSecret);
  const platform = await startPlatform({
    database,
    plugins: installedPlugins,
    logger,
    auth: { secret, baseURL: config.publicUrl, trustedOrigins: config.trustedOrigins },
    capture: { trustProxy: config.trustProxy },
    ...(config.adminDist === undefined ? {} : { adminDist: path.resolve(config.adminDist) }),
    // Plugins' files (uploads) beside the embedded database's folder: `.sarnakh/files`.
    filesDir: path.join(path.dirname(path.resolve(config.dataDir)), 'files'),
  });
  const { app, services } = platform;
  await bootstrap(services, config, logger);

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info({ port: info.port, url: config.publicUrl }, 'Sarnakh is listening');
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing open requests');
    // Stop accepting, let in-flight requests finish, then close the database.
    const force = setTimeout(() => {
      logger.warn('open requests did not finish in 10 s; closing anyway');
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close(async () => {
      await platform.stop();
      await database.close();
      logger.info('stopped');
      process.exit(0);
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  console.error('Sarnakh failed to start:', error);
  process.exit(1);
});
