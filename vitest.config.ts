import { defineConfig } from 'vitest/config';

/** Workspace packages are tested from their TypeScript sources, not their builds. */
const sourceConditions = { resolve: { conditions: ['@sarnakh/source'] }, ssr: { resolve: { conditions: ['@sarnakh/source'] } } };

export default defineConfig({
  test: {
    reporters: ['default', './tooling/vitest-summary-reporter.ts'],
    projects: [
      {
        ...sourceConditions,
        test: {
          name: 'unit',
          include: ['packages/core/src/**/*.test.ts', 'packages/plugin-sdk/src/**/*.test.ts', 'tooling/*/src/**/*.test.ts', 'apps/admin/src/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/.git/**', 'tooling/bench/**'],
        },
      },
      {
        ...sourceConditions,
        test: {
          // Everything that needs a database. One worker, one module graph: the files share one
          // embedded Postgres (each in its own schema) instead of starting one each.
          name: 'integration',
          include: [
            'packages/db/src/**/*.test.ts',
            'packages/jobs/src/**/*.test.ts',
            'packages/api/src/**/*.test.ts',
            'packages/platform/src/**/*.test.ts',
            'packages/plugin-testing/src/**/*.test.ts',
            'plugins/*/src/**/*.test.ts',
            'examples/*/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'tooling/bench/src/**/*.test.ts',
          ],
          pool: 'forks',
          maxWorkers: 1,
          isolate: false,
          fileParallelism: false,
          // Generous: these are correctness tests, and CI runs the browser project beside them on 2 cores.
          testTimeout: 90_000,
          hookTimeout: 60_000,
          // Plugins' admin halves import Vuetify's components, which import their CSS: Vite must load them, not Node.
          server: { deps: { inline: ['vuetify'] } },
        },
      },
      {
        test: {
          // The web app in Debian's chromium against the real server on a fresh embedded database.
          name: 'browser',
          include: ['apps/admin/e2e/**/*.test.ts'],
          globalSetup: ['apps/admin/e2e/global-setup.ts'],
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
