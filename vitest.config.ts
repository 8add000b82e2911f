import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/support/sequencer.ts';

// Four projects; see tests/README.md.
export default defineConfig({
  test: {
    // The skip reporter ends a run with one line saying how many tests skipped, why and what to install.
    reporters: ['default', './tests/support/skip-reporter.ts'],
    // Both cores busy (issue 29): vitest's own default in a run is one worker less than the cores,
    // which on CI's two cores is one test file at a time, and the browser files spend most of
    // their time waiting (pages, servers, Chromium; about a third of one core when run alone).
    // One file more than the cores keeps both busy: on 2 shared cores `npm test` took 6 min 51 s
    // with 3 files at a time, 8 min 53 s with 2 (docs/performance-history.md, issue 29). All four projects share
    // one queue, longest first (tests/support/sequencer.ts). VITEST_MAX_WORKERS overrides it.
    maxWorkers: availableParallelism() + 1,
    sequence: { sequencer: LongestFirst },
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // The content tests start `npm run check`/`new` and ffmpeg as child processes: beside a build
      // and a Chromium (three files at a time), 5 s was too short on a busy machine.
      { test: { name: 'content', include: ['tests/content/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          testTimeout: 60_000,
          // Several build files read the whole of content/ with the check before their tests
          // (validateContent: ~2 s alone, >10 s at load 17 with other builds running).
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/build/global-setup.ts'],
          // A limit for hangs, not a time budget (those are `npm run bench`'s). The project's CI
          // machine ran the suite 2.4× slower than a quiet one on 2026-12-08 (792.7 s against
          // 324.1 s), and a test of seven page loads and axe runs went past 30 s there.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file starts its own Chromium, server and ports; at most maxWorkers run at once.
        },
      },
    ],
  },
});
