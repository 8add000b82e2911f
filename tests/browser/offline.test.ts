import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routes } from '../../src/lib/routes.ts';
import { browserAvailable } from '../support/browser-guard.ts';
import { builtPages, DIST, readPage } from '../support/dist.ts';
import { goOffline, waitUntilSaved } from '../support/offline.ts';
import { serveDist } from '../../src/lib/delivery/static-server.ts';
import { servedDistInChromium } from '../support/served-browser.ts';

const enabled = browserAvailable();

describe.skipIf(!enabled)('offline reading in Chromium', () => {
  const lessons = builtPages().filter((page) => /^\/bai-hoc\/[^/]+\/$/.test(page));
  const lesson = lessons[0]!;
  const unvisited = lessons[1]!;
  const title = readPage(lesson).querySelector('h1')!.text.trim();

  const site = servedDistInChromium(DIST);

  it('shows a visited lesson after going offline, and the offline page listing it for an unvisited page', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.base}${lesson}`);
      await waitUntilSaved(page, lesson);
      // Its leaflet is saved with it.
      await waitUntilSaved(page, routes.leaflet(lesson.split('/')[2]!));

      await goOffline(context, page);
      const failed = await page.evaluate(() =>
        fetch('/robots.txt', { cache: 'no-store' }).then(
          () => false,
          () => true,
        ),
      );
      expect(failed, 'the network is really cut').toBe(true);

      await page.reload();
      expect(await page.textContent('h1')).toBe(title);

      await page.goto(`${site.base}${routes.leaflet(lesson.split('/')[2]!)}`);
      expect(await page.textContent('h1')).toBe(title);

      await page.goto(`${site.base}${unvisited}`);
      expect(await page.textContent('h1')).toBe('Chưa có mạng');
      await page.waitForSelector(`#offline-list a[href="${lesson}"]`);
      expect(await page.textContent(`#offline-list a[href="${lesson}"]`)).toBe(title);
      expect(await page.isHidden('#offline-none')).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('keeps the search engine once a reader has searched: a second visit downloads no engine', async () => {
    const context = await site.browser.newContext();
    const ENGINE = /\/pagefind\/(pagefind\.js|pagefind-entry\.json\?ts=\w+|pagefind\.\w+\.pf_meta|wasm\.\w+\.pagefind)$/;
    try {
      const page = await context.newPage();
      await page.goto(`${site.base}${lesson}`);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 10_000 });
      await page.goto(`${site.base}${routes.search()}?q=otp`);
      await page.waitForSelector('#search-results a');
      const kept = async () =>
        page.evaluate(async () => {
          const urls: string[] = [];
          for (const name of await caches.keys()) if (name.startsWith('ban-so-assets-')) urls.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
          return urls.filter((url) => url.includes('/pagefind/')).length;
        });
      await expect.poll(kept, { timeout: 10_000, interval: 100 }).toBe(4);
      // The HTTP cache emptied: only the service worker can answer without the network.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.clearBrowserCache');
      const second = await context.newPage();
      const engine: Array<{ url: string; fromServiceWorker: boolean }> = [];
      second.on('response', (response) => {
        if (ENGINE.test(response.url())) engine.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() });
      });
      await second.goto(`${site.base}${routes.search()}?q=zalo`);
      await second.waitForSelector('#search-results a');
      expect(engine).toHaveLength(4);
      expect(engine.filter((entry) => !entry.fromServiceWorker)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps working without service workers (blocked): the lesson loads and nothing is registered', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${site.base}${lesson}`);
      await page.waitForLoadState('load');
      expect(await page.textContent('h1')).toBe(title);
      expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("on a new deployment drops the old version's caches, so old pages never mix with new assets", async () => {
    // A copy of dist/ whose service worker carries another version: what a new deployment looks like.
    const copy = mkdtempSync(path.join(tmpdir(), 'ban-so-deploy-'));
    cpSync(DIST, copy, { recursive: true });
    const served = await serveDist(copy);
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${served.url}${lesson}`);
      await waitUntilSaved(page, lesson);
      const before = await page.evaluate(() => caches.keys());
      const version = /"version":"([^"]+)"/.exec(readFileSync(path.join(copy, 'sw.js'), 'utf8'))![1]!;
      expect(before.filter((name) => name.startsWith('ban-so-')).every((name) => name.endsWith(version))).toBe(true);

      const sw = path.join(copy, 'sw.js');
      writeFileSync(sw, readFileSync(sw, 'utf8').replace(`"version":"${version}"`, '"version":"nextdeploy01"'));
      // The browser checks the worker on navigation; register() in the page asks again.
      await page.reload();
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration?.update()));
      const names = () => page.evaluate(() => caches.keys());
      await expect.poll(names, { timeout: 15_000, interval: 200 }).toContain('ban-so-assets-nextdeploy01');
      await expect.poll(async () => (await names()).filter((name) => name.endsWith(version)), { timeout: 15_000, interval: 200 }).toEqual([]);
      // Pages read from now on are saved under the new version only.
      await page.reload();
      await expect.poll(names, { timeout: 15_000, interval: 200 }).toContain('ban-so-pages-nextdeploy01');
    } finally {
      await context.close();
      served.server.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
