// A recording on a lesson page costs nothing until the reader presses play, then plays (Chromium's
// media pipeline); search filters by language. On a copy of the site built from the fixtures of
// tests/support/listening-site.ts (recordings made with ffmpeg's sine source, a sample translation).
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveWithHeaders } from '../../src/lib/delivery/static-server.ts';
import { browserAvailable } from '../support/browser-guard.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { sharedListeningSite } from '../support/listening-site.ts';
import { canRun } from '../support/prerequisites.ts';
import { axeViolationsUnderCsp, recordRequests, smallTargets, watchCsp } from '../support/quality.ts';

const enabled = browserAvailable() && canRun(['ffmpeg']);

describe.skipIf(!enabled)('listening and languages in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let base = '';
  let root = '';

  beforeAll(async () => {
    // The same build as tests/build/listening.test.ts's first one, made once per run.
    const built = await sharedListeningSite(inject('sharedSites'));
    root = built.root;
    expect(built.status, built.log.slice(-3000)).toBe(0);
    const dist = path.join(root, 'dist');
    ({ url: base, server } = await serveWithHeaders(dist, path.join(dist, '_headers')));
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('fetches no audio byte before play, then plays the Opus file', async () => {
    const page = await browser.newPage();
    const audioRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/am-thanh/')) audioRequests.push(request.url());
    });
    await page.goto(`${base}/bai-hoc/bai-mau/`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1000);
    expect(audioRequests).toEqual([]);

    // A real click first: Chromium lets a page play sound only after the reader touched it.
    await page.click('figure.recording figcaption');
    await page.evaluate(() => document.querySelector('audio')!.play());
    await expect.poll(() => page.evaluate(() => document.querySelector('audio')!.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.5);
    expect(await page.evaluate(() => document.querySelector('audio')!.currentSrc)).toMatch(/\/am-thanh\/doc-bai-mau-[0-9a-f]{10}\.opus$/);
    expect(audioRequests.length).toBeGreaterThan(0);
    expect(audioRequests.every((url) => url.endsWith('.opus'))).toBe(true);
    await page.close();
  }, 60_000);

  // The templates with a player, a language switch or a translation: the quality gate of
  // quality.test.ts, on pages the real content does not have yet.
  it.each(['/bai-hoc/bai-mau/', '/bai-hoc/bai-mau/tyz/', '/bai-hoc/bai-mau/phat-thanh/', '/bai-hoc/bai-mau/tyz/phat-thanh/', '/chien-dich/chien-dich-mau/phat-thanh/', '/in-an/'])(
    '%s passes axe-core, keeps 44 px touch targets at 360 px, and stays on 127.0.0.1 under the CSP',
    async (sitePath) => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: false });
      const cspViolations = await watchCsp(context);
      const requests = recordRequests(context);
      const page = await context.newPage();
      await page.goto(`${base}${sitePath}`, { waitUntil: 'networkidle' });
      expect(await cspViolations(page)).toEqual([]);
      // axe in this page, under its CSP: one load instead of two (support/quality.ts).
      expect(await axeViolationsUnderCsp(page)).toEqual([]);
      expect(requests.foreign()).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
      await page.screenshot({ path: `test-results/screenshots/listening${sitePath.replace(/\//g, '_')}360.png`, fullPage: true });
      await context.close();
    },
    60_000,
  );

  async function results(page: Page): Promise<string[]> {
    await page.waitForFunction(() => {
      const status = document.querySelector('#search-status')?.textContent ?? '';
      return status !== '' && !status.startsWith('Đang');
    });
    return page.$$eval('#search-results a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
  }

  it('finds the lesson in both languages, and only the Tày one with the language filter', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/tim-kiem/?q=${encodeURIComponent('vneid')}`);
    const all = await results(page);
    expect(all).toEqual(expect.arrayContaining(['/bai-hoc/bai-mau/', '/bai-hoc/bai-mau/tyz/']));
    await page.click('.search-filters summary');
    await page.check('input[name="language"][value="tiếng Tày"]');
    await expect.poll(() => page.$$eval('#search-results a', (links) => links.map((a) => a.getAttribute('href')))).toEqual(['/bai-hoc/bai-mau/tyz/']);
    await page.close();
  }, 60_000);
});
