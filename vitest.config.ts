import { defineConfig } from 'vitest/config';

// Two projects: unit and route tests (fast, on a real database) and browser tests (Chromium).
// VITEST_JSON=<file> adds a JSON report (used by .ci/run for its closing line).
const json = process.env.VITEST_JSON;

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: '#jsx' } },
  test: {
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/routes/**/*.test.ts', 'test/routes/**/*.test.tsx'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
