/**
 * "Lưu để đọc khi mất sóng" (issue 27) in Chromium: a campaign saved from its page opens every
 * saved lesson with the network cut; the size it announced is what it stored; removing it on the
 * offline page empties its cache, and the lessons are gone offline. Saved without the leaflet
 * pictures, no picture is stored; a topic saved with them (the box ticked) stores them, announces
 * their bytes too, and opens them offline.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSize } from '../../src/lib/print/file-sizes.ts';
import { routes } from '../../src/lib/routes.ts';
import { browserAvailable } from '../support/browser-guard.ts';
import { builtPages, DIST, readPage } from '../support/dist.ts';
import { goOffline } from '../support/offline.ts';
import { servedDistInChromium } from '../support/served-browser.ts';

const enabled = browserAvailable();

describe.skipIf(!enabled)('a campaign saved for reading without signal', () => {
  const campaign = builtPages().find((page) => /^\/chien-dich\/[^/]+\/$/.test(page) && readPage(page).querySelector('[data-save-pages]'))!;
  const box = readPage(campaign).querySelector('[data-save-pages]')!;
  const cacheName = box.getAttribute('data-save-cache')!;
  const saved = box.getAttribute('data-save-pages')!.split(' ');
  const lessons = saved.filter((path) => path.startsWith(routes.lessons()));
  const pictures = box.getAttribute('data-save-pictures')?.split(' ') ?? [];

  const site = servedDistInChromium(DIST);

  it('says what it will store, stores exactly that, opens every saved lesson offline, and is removed from the offline page', async () => {
    expect(campaign).toBeDefined();
    expect(lessons.length).toBeGreaterThan(0);
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.base}${campaign}`);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      // Unticked, the size shown is the pages' alone.
      const announced = await page.locator('.save-offline [data-size="pages"] .file-size').textContent();
      expect(await page.locator('.save-offline [data-size="all"]').isVisible()).toBe(false);
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
      // The pictures box was left unticked: no picture stored.
      expect(pictures.length).toBeGreaterThan(0);
      expect(stored.filter((entry) => entry.path.endsWith('.jpg'))).toEqual([]);

      await goOffline(context, page);
      for (const lesson of lessons) {
        await page.goto(`${site.base}${lesson}`);
        expect(await page.textContent('h1'), lesson).toBe(readPage(lesson).querySelector('h1')!.text.trim());
      }
      // Nor does one open without signal: the offline page answers instead.
      await page.goto(`${site.base}${pictures[0]}`);
      expect(await page.textContent('h1')).toBe('Chưa có mạng');

      // The offline page lists the campaign with what it holds, and removes it.
      await page.goto(`${site.base}${routes.offline()}`);
      const item = page.locator('#saved-list li').first();
      await item.waitFor();
      expect(await item.textContent()).toContain(`${lessons.length} bài`);
      await item.getByRole('button', { name: 'Xoá' }).click();
      await expect.poll(() => page.evaluate((name) => caches.has(name), cacheName)).toBe(false);
      await page.goto(`${site.base}${lessons[0]}`);
      expect(await page.textContent('h1')).toBe('Chưa có mạng');
    } finally {
      await context.close();
    }
  });
  it('a topic saved with its leaflet pictures announces their bytes too, stores them, opens them offline, and is removed from the offline page', async () => {
    const topic = builtPages().find((page) => /^\/chu-de\/[^/]+\/$/.test(page) && readPage(page).querySelector('[data-save-pictures]'))!;
    expect(topic).toBeDefined();
    const topicBox = readPage(topic).querySelector('[data-save-pages]')!;
    const topicCache = topicBox.getAttribute('data-save-cache')!;
    const topicPages = topicBox.getAttribute('data-save-pages')!.split(' ');
    const topicPictures = topicBox.getAttribute('data-save-pictures')!.split(' ');
    const topicLessons = topicPages.filter((path) => path.startsWith(routes.lessons()));
    expect(topicPages[0]).toBe(topic);
    expect(topicPictures).toHaveLength(topicLessons.length);
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.base}${topic}`);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      const withoutPictures = await page.locator('.save-offline [data-size="pages"] .file-size').textContent();
      expect(await page.locator('.save-offline [data-size="all"]').isVisible()).toBe(false);
      await page.getByLabel(`Lưu cả ${topicPictures.length} ảnh tờ rơi`).check();
      // Ticked, the size shown is the total with the pictures, and the size without them goes.
      const announced = await page.locator('.save-offline [data-size="all"] .file-size').textContent();
      expect(await page.locator('.save-offline [data-size="pages"]').isVisible()).toBe(false);
      expect(await page.locator('.save-offline [data-size="all"]').isVisible()).toBe(true);
      expect(announced).not.toBe(withoutPictures);
      await page.getByRole('button', { name: 'Lưu để đọc khi mất sóng' }).click();
      await expect.poll(() => page.locator('.save-offline [role="status"]').textContent(), { timeout: 15_000 }).toMatch(/^Đã lưu/);

      const stored = await page.evaluate(async (name) => {
        const cache = await caches.open(name);
        const entries = [];
        for (const request of await cache.keys()) {
          const response = (await cache.match(request))!;
          entries.push({ path: new URL(request.url).pathname, type: response.headers.get('content-type'), bytes: (await response.arrayBuffer()).byteLength });
        }
        return entries;
      }, topicCache);
      expect(stored.map((entry) => entry.path).sort()).toEqual([...topicPages, ...topicPictures].sort());
      expect(formatSize(stored.reduce((sum, entry) => sum + entry.bytes, 0))).toBe(announced);
      for (const picture of topicPictures) {
        const entry = stored.find((e) => e.path === picture)!;
        expect(entry.type, picture).toMatch(/^image\/jpeg/);
        expect(entry.bytes, picture).toBe(statSync(path.join(DIST, picture)).size);
      }

      await goOffline(context, page);
      for (const lesson of topicLessons) {
        await page.goto(`${site.base}${lesson}`);
        expect(await page.textContent('h1'), lesson).toBe(readPage(lesson).querySelector('h1')!.text.trim());
      }
      // Each picture opens offline, as a page and as the share button fetches it.
      for (const picture of topicPictures) {
        const response = await page.goto(`${site.base}${picture}`);
        expect(response?.headers()['content-type'], picture).toMatch(/^image\/jpeg/);
        expect((await response!.body()).byteLength, picture).toBe(statSync(path.join(DIST, picture)).size);
      }
      await page.goto(`${site.base}${topicLessons[0]}`);
      expect(await page.evaluate(async (picture) => (await fetch(picture)).headers.get('content-type'), topicPictures[0]!)).toMatch(/^image\/jpeg/);

      // The offline page lists the topic with what it holds, and removes it.
      await page.goto(`${site.base}${routes.offline()}`);
      const item = page.locator('#saved-list li').filter({ hasText: readPage(topic).querySelector('h1')!.text.trim() });
      await item.waitFor();
      expect(await item.textContent()).toContain(`${topicLessons.length} bài, ${topicPictures.length} ảnh tờ rơi, ${announced}`);
      await item.getByRole('button', { name: 'Xoá' }).click();
      await expect.poll(() => page.evaluate((name) => caches.has(name), topicCache)).toBe(false);
      await page.goto(`${site.base}${topicPictures[0]}`);
      expect(await page.textContent('h1')).toBe('Chưa có mạng');
    } finally {
      await context.close();
    }
  });
});
