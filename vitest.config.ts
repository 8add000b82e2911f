import { defineConfig } from 'vitest/config';

// Four projects, fastest first; see tests/README.md.
export default defineConfig({
  test: {
    // The skip reporter ends a run with one line saying how many tests skipped, why and what to install.
    reporters: ['default', './tests/support/skip-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'content', include: ['tests/content/**/*.test.ts'] } },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // One Chromium at a time: CI machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
