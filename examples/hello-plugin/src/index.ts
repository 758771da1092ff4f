import { definePlugin, fieldTypes, scorers } from '@sarnakh/plugin-sdk';
import { z } from 'zod';
import { countLead, countsFor, recount, utcDay } from './counts.js';
import { helloRouter } from './router.js';
import { sourceFitScorer } from './scorer.js';
import { helloSettings } from './settings.js';
import { shebaFieldType } from './sheba.js';

export { isValidSheba, normalizeSheba, shebaFieldType } from './sheba.js';
export { helloSettings, type HelloSettings } from './settings.js';

/**
 * The plugin `docs/plugins.md` builds: a Sheba field type, a scorer configured by settings, a
 * table of daily lead counts kept by a hook, read through a tRPC procedure, an HTTP route and a
 * dashboard widget, and rebuilt by a durable job.
 */
export const helloPlugin = definePlugin({
  id: 'hello',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: helloSettings,

  migrations: {
    '0001_daily_counts': {
      async up(db) {
        await db.schema
          .createTable('hello_daily_counts')
          .addColumn('day', 'date', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('leads', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('hello_daily_counts_pk', ['day', 'source'])
          .execute();
      },
      async down(db) {
        await db.schema.dropTable('hello_daily_counts').execute();
      },
    },
  },

  provide(ctx) {
    ctx.register(fieldTypes, shebaFieldType);
    // Read settings on every call: an admin's change applies to the next lead.
    ctx.register(scorers, sourceFitScorer(() => ctx.settings));
  },

  init(ctx) {
    const { database } = ctx.services;
    ctx.hooks.on('lead.created', ({ lead }) => countLead(database, utcDay(lead.createdAt), lead.source ?? 'unknown'));
  },

  router: helloRouter,

  routes(app, { services }) {
    app.get('/today', async (c) => c.json({ day: utcDay(new Date()), counts: await countsFor(services.database, utcDay(new Date())) }));
  },

  jobs: {
    recount: {
      data: z.object({ day: z.iso.date() }),
      async handler(job, { services }) {
        await recount(services.database, job.data.day);
      },
      retryLimit: 3,
      retryDelaySeconds: 10,
    },
  },

  admin: { entry: '@sarnakh/example-hello/admin' },
});

export default helloPlugin;
