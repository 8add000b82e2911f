// Page-level protection without headers (issue 23, item 7): dist/ served with NO headers at all, as
// GitHub Pages would. Each page's own <meta> CSP must be enough: the site works (a lesson, a search
// with Pagefind's WebAssembly, the offline page, the CMS at /admin/) with no CSP violation, and an
// image, font, fetch, stylesheet, recording or prefetch from another origin is blocked: the other
// server never receives a request.
import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../src/lib/routes.ts';
import { browserAvailable } from '../support/browser-guard.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { builtPages, DIST } from '../support/dist.ts';
import { watchCsp } from '../support/quality.ts';
import { serveDist } from '../../src/lib/delivery/static-server.ts';

const enabled = browserAvailable();

describe.skipIf(!enabled)('pages served without headers stay closed by their meta CSP', () => {
  let browser: Browser;
  let site: { url: string; server: Server };
  let other: Server;
  let otherUrl: string;
  /** Requests that reached the other origin (127.0.0.1 on another port is another origin). */
  const reached: string[] = [];
  const lesson = builtPages().find((page) => /^\/bai-hoc\/[^/]+\/$/.test(page))!;

  beforeAll(async () => {
    site = await serveDist(DIST);
    other = createServer((request, response) => {
      reached.push(request.url ?? '');
      response.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/plain' }).end('x');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const address = other.address();
    otherUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    site?.server.close();
    other?.close();
  });

  async function open(sitePath: string): Promise<{ context: BrowserContext; page: Page; csp: () => Promise<string[]> }> {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const violations = await watchCsp(context);
    const page = await context.newPage();
    const response = await page.goto(`${site.url}${sitePath}`);
    // No header at all: only the page's own meta protects it.
    expect(response?.headers()['content-security-policy']).toBeUndefined();
    return { context, page, csp: () => violations(page) };
  }

  /** Tries to load one thing of every kind from the other origin; returns the directives that blocked them. */
  async function tryOutside(page: Page): Promise<void> {
    await page.evaluate(async (outside) => {
      const image = document.createElement('img');
      image.src = `${outside}/image.png`;
      document.body.append(image);
      const sheet = document.createElement('link');
      sheet.rel = 'stylesheet';
      sheet.href = `${outside}/style.css`;
      document.head.append(sheet);
      const prefetch = document.createElement('link');
      prefetch.rel = 'prefetch';
      prefetch.href = `${outside}/prefetch`;
      document.head.append(prefetch);
      const audio = document.createElement('audio');
      audio.src = `${outside}/sound.opus`;
      document.body.append(audio);
      await fetch(`${outside}/fetch`).catch(() => undefined);
      await new FontFace('Outside', `url(${outside}/font.woff2)`).load().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }, otherUrl);
  }

  it.each([
    ['a lesson', () => lesson],
    ['the offline page', () => routes.offline()],
  ])('%s works and blocks every outside resource', async (_what, sitePath) => {
    const { context, page, csp } = await open(sitePath());
    try {
      expect(await page.locator('h1').count()).toBe(1);
      expect(await csp()).toEqual([]);
      await tryOutside(page);
      const blocked = (await csp()).join('\n');
      for (const directive of ['img-src', 'style-src', 'connect-src', 'font-src', 'media-src']) expect(blocked, directive).toContain(directive);
      expect(reached).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the search page finds a lesson (Pagefind’s WebAssembly runs) and blocks outside resources', async () => {
    const { context, page, csp } = await open(`${routes.search()}?q=${encodeURIComponent('tien dien')}`);
    try {
      await page.waitForFunction(() => {
        const status = document.querySelector('#search-status')?.textContent ?? '';
        return status !== '' && !status.startsWith('Đang');
      });
      expect(await page.locator('#search-results a').count()).toBeGreaterThan(0);
      expect(await csp()).toEqual([]);
      await tryOutside(page);
      expect((await csp()).join('\n')).toContain('img-src');
      expect(reached).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('/admin/ starts the CMS under its own meta policy and blocks what that policy does not allow', async () => {
    const { context, page, csp } = await open(routes.admin());
    try {
      await page.getByRole('button', { name: 'Làm việc với kho mã nguồn cục bộ' }).waitFor();
      expect(await csp()).toEqual([]);
      await tryOutside(page);
      const blocked = (await csp()).join('\n');
      for (const directive of ['img-src', 'connect-src', 'font-src', 'media-src']) expect(blocked, directive).toContain(directive);
      expect(reached).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
