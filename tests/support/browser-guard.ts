import { canRun } from './prerequisites.ts';

/**
 * Browser tests skip only on a machine without Chromium or the phone font, and never when
 * REQUIRE_BROWSER=1 (CI sets it): there a missing browser or font is a failure, not a skip.
 * `npm test` says at the end how many tests skipped, why, and what to install
 * (tests/support/skip-reporter.ts).
 */
export function browserAvailable(): boolean {
  return canRun(['chromium', 'fonts-noto-core']);
}
