/**
 * "Gửi qua Zalo" (issue 27) in Chromium, with the Web Share API stubbed before any page script
 * runs: where files can be shared it sends the leaflet picture as a JPEG named after the lesson,
 * with the title and address; where they cannot, the address; without JavaScript there is no button.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routes } from '../../src/lib/routes.ts';
import { siteUrl } from '../../src/lib/site.ts';
import { browserAvailable } from '../support/browser-guard.ts';
import { builtPages, DIST, readPage } from '../support/dist.ts';
import { servedDistInChromium } from '../support/served-browser.ts';

const enabled = browserAvailable();

/** What navigator.share was called with, as the test can read it back. */
interface ShareCall {
  title?: string;
  text?: string;
  url?: string;
  files: Array<{ name: string; type: string; size: number }>;
}

/** Stubs canShare (files supported or not) and share (records its argument on window.__shares). */
function stubShare(files: boolean): string {
  return `(() => {
    window.__shares = [];
    Object.defineProperty(navigator, 'canShare', { configurable: true, value: (data) => !data.files || ${files} });
    Object.defineProperty(navigator, 'share', { configurable: true, value: async (data) => {
      window.__shares.push({ title: data.title, text: data.text, url: data.url, files: (data.files || []).map((f) => ({ name: f.name, type: f.type, size: f.size })) });
    } });
  })();`;
}

describe.skipIf(!enabled)('"Gửi qua Zalo" in Chromium', () => {
  const lesson = builtPages().find((page) => /^\/bai-hoc\/[^/]+\/$/.test(page))!;
  const id = lesson.split('/')[2]!;
  const title = readPage(lesson).querySelector('h1')!.text.trim();
  const address = new URL(routes.lesson(id), siteUrl()).href;
  // A build without PDFs has no picture: the button then shares the address everywhere.
  const hasPicture = existsSync(path.join(DIST, routes.leafletPicture(id)));

  const site = servedDistInChromium(DIST);

  const shares = async (files: boolean, where: string): Promise<ShareCall[]> => {
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    try {
      await context.addInitScript(stubShare(files));
      const page = await context.newPage();
      await page.goto(`${site.base}${where}`);
      const button = page.getByRole('button', { name: 'Gửi qua Zalo' });
      await button.click();
      await page.waitForFunction(() => (window as unknown as { __shares: unknown[] }).__shares.length > 0);
      return await page.evaluate(() => (window as unknown as { __shares: ShareCall[] }).__shares);
    } finally {
      await context.close();
    }
  };

  it('shares the leaflet picture (a JPEG named after the lesson) with the title and address where files can be shared, from the lesson and its leaflet page', async () => {
    for (const where of [lesson, routes.leaflet(id)]) {
      const [call] = await shares(true, where);
      if (!hasPicture) {
        expect(call, where).toEqual({ title, text: title, url: address, files: [] });
        continue;
      }
      expect(call!.files, where).toEqual([{ name: `${id}.jpg`, type: 'image/jpeg', size: pageSizeOf(routes.leafletPicture(id)) }]);
      expect(call!.title).toBe(title);
      expect(call!.text).toContain(address);
    }
  });

  it('shares the address where files cannot be shared', async () => {
    const [call] = await shares(false, lesson);
    expect(call).toEqual({ title, text: title, url: address, files: [] });
  });

  it('shows no button without JavaScript, and no button where the browser cannot share; the download link stays', async () => {
    for (const javaScriptEnabled of [false, true]) {
      const context = await site.browser.newContext({ javaScriptEnabled, serviceWorkers: 'block' });
      try {
        // Chromium on Linux has no navigator.share: with JavaScript the button stays hidden too.
        const page = await context.newPage();
        await page.goto(`${site.base}${lesson}`);
        await page.waitForLoadState('load');
        expect(await page.locator('button[data-share-url]').count()).toBe(1);
        expect(await page.getByRole('button', { name: 'Gửi qua Zalo' }).isVisible()).toBe(false);
        if (hasPicture) expect(await page.locator(`a[href="${routes.leafletPicture(id)}"]`).isVisible()).toBe(true);
      } finally {
        await context.close();
      }
    }
  });
});

function pageSizeOf(sitePath: string): number {
  return readFileSync(path.join(DIST, sitePath)).length;
}
