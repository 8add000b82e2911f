/**
 * "Lưu để đọc khi mất sóng" (issue 27) in Chromium: a campaign saved from its page opens every
 * saved lesson with the network cut; the size it announced is what it stored; removing it on the
 * offline page empties its cache, and the lessons are gone offline.
 */
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSize } from '../../src/lib/print/file-sizes.ts';
import { routes } from '../../src/lib/routes.ts';
import { browserAvailable } from '../support/browser-guard.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { builtPages, DIST, readPage } from '../support/dist.ts';
import { goOffline } from '../support/offline.ts';
import { serveDist } from '../../src/lib/delivery/static-server.ts';

const enabled = browserAvailable();

describe.skipIf(!enabled)('a campaign saved for reading without signal', () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  const campaign = builtPages().find((page) => /^\/chien-dich\/[^/]+\/$/.test(page) && readPage(page).querySelector('[data-save-pages]'))!;
  const box = readPage(campaign).querySelector('[data-save-pages]')!;
  const cacheName = box.getAttribute('data-save-cache')!;
  const saved = box.getAttribute('data-save-pages')!.split(' ');
  const lessons = saved.filter((path) => path.startsWith(routes.lessons()));

  beforeAll(async () => {
    ({ url: base, server } = await serveDist(DIST));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('says what it will store, stores exactly that, opens every saved lesson offline, and is removed from the offline page', async () => {
    expect(campaign).toBeDefined();
    expect(lessons.length).toBeGreaterThan(0);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${base}${campaign}`);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      const announced = await page.locator('.save-offline .file-size').textContent();
      expect(await page.locator('.save-offline p').first().textContent()).toContain(`${lessons.length} bài`);
      await page.getByRole('button', { name: 'Lưu để đọc khi mất sóng' }).click();
      await expect.poll(() => page.locator('.save-offline [role="status"]').textContent(), { timeout: 15_000 }).toMatch(/^Đã lưu/);

      // The cache holds the campaign page and its lessons, and their bytes are the size announced.
      const stored = await page.evaluate(async (name) => {
        const cache = await caches.open(name);
        const entries = [];
        for (const request of await cache.keys()) entries.push({ path: new URL(request.url).pathname, bytes: (await (await cache.match(request))!.arrayBuffer()).byteLength });
        return entries;
      }, cacheName);
      expect(stored.map((entry) => entry.path).sort()).toEqual([...saved].sort());
      expect(formatSize(stored.reduce((sum, entry) => sum + entry.bytes, 0))).toBe(announced);

      await goOffline(context, page);
      for (const lesson of lessons) {
        await page.goto(`${base}${lesson}`);
        expect(await page.textContent('h1'), lesson).toBe(readPage(lesson).querySelector('h1')!.text.trim());
      }

      // The offline page lists the campaign with what it holds, and removes it.
      await page.goto(`${base}${routes.offline()}`);
      const item = page.locator('#saved-list li').first();
      await item.waitFor();
      expect(await item.textContent()).toContain(`${lessons.length} bài`);
      await item.getByRole('button', { name: 'Xoá' }).click();
      await expect.poll(() => page.evaluate((name) => caches.has(name), cacheName)).toBe(false);
      await page.goto(`${base}${lessons[0]}`);
      expect(await page.textContent('h1')).toBe('Chưa có mạng');
    } finally {
      await context.close();
    }
  });
});
