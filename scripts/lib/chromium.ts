import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/lib/print/chromium.ts';

export { CHROMIUM_ARGS, chromiumPath };

/** Fontconfig for the tests: Noto Sans for system-ui and sans-serif on every machine (issue 11). */
export const TEST_FONTCONFIG = path.resolve('scripts/lib/fonts.conf');

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  // Playwright gives every launch a fresh, empty user-data dir of its own.
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, env: { ...process.env, FONTCONFIG_FILE: TEST_FONTCONFIG } });
}
