import { chromiumPath } from './chromium.ts';

/**
 * Browser tests skip only on a machine without Chromium, and never when REQUIRE_BROWSER=1
 * (CI sets it): there a missing browser is a failure, not a silent skip.
 */
export function browserAvailable(): boolean {
  const found = chromiumPath() !== undefined;
  if (!found && process.env['REQUIRE_BROWSER'] === '1') {
    throw new Error('REQUIRE_BROWSER=1 but Chromium was not found: apt-get install -y chromium (or set CHROMIUM_PATH).');
  }
  return found;
}
