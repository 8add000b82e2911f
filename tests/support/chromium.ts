import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/lib/chromium.ts';

export { CHROMIUM_ARGS, chromiumPath };

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  // Playwright gives every launch a fresh, empty user-data dir of its own.
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
