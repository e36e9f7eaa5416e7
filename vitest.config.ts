import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit tests are pure; integration tests (*.int.test.ts) run once per database engine:
// `vitest --project int` uses PGlite, and with TEST_DATABASE_URL set, PostgreSQL.
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on CI's 2 cores. Its main
    // process mostly waits, and two workers halve the integration run there (263 s → 143 s, 8 files).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'int',
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        // `npm run test:cluster`: PostgreSQL primary + replica, two app nodes, HAProxy (test/cluster).
        test: {
          name: 'cluster',
          include: ['test/cluster/**/*.cluster.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          pool: 'forks',
        },
      },
    ],
  },
});
