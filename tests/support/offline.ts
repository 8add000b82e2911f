/** Offline reading (issue 5) in Chromium: shared by tests/browser/offline.test.ts and tests/browser/nginx.test.ts. */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Goes offline through CDP, for the page and for every worker of the context. */
export async function goOffline(context: BrowserContext, page: Page): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  // The service worker is a target of its own: Playwright applies the same CDP call to it.
  await context.setOffline(true);
  return cdp;
}

/** Waits until the service worker has saved a page (the registration runs after load). */
export async function waitUntilSaved(page: Page, sitePath: string): Promise<void> {
  const saved = () =>
    page.evaluate(async (path) => {
      for (const name of await caches.keys()) {
        if (name.startsWith('ban-so-pages-') && (await (await caches.open(name)).match(new URL(path, location.href).href))) return true;
      }
      return false;
    }, sitePath);
  await expect.poll(saved, { timeout: 10_000, interval: 100 }).toBe(true);
}
