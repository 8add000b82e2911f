/**
 * The browser checks that depend on the server (issue 28), run against any server of dist/:
 * Debian's nginx (tests/browser/nginx.test.ts) and Cloudflare's runtime
 * (tests/browser/static-host.test.ts). The layout checks do not depend on the server and stay
 * in tests/browser/quality.test.ts.
 */
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveDist, serveWithHeaders } from '../../src/lib/delivery/static-server.ts';
import { routes } from '../../src/lib/routes.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { builtPages, readPage } from './dist.ts';
import { goOffline, waitUntilSaved } from './offline.ts';
import { axeViolationsUnderCsp, inlineCode, recordRequests, watchCsp } from './quality.ts';
import { settle, TEMPLATES } from './templates.ts';

const VIEWPORT = { width: 360, height: 740 };

/**
 * Call inside a describe(): dist/ served on 127.0.0.1 (our static server) and one Chromium,
 * started before its tests and closed after. Read `base` and `browser` inside the tests.
 * `withHeaders`: served with the headers of dist/_headers (its CSP), as the CMS tests need.
 */
export function servedDistInChromium(dist: string, options: { withHeaders?: boolean } = {}): { base: string; browser: Browser } {
  const site = { base: '', browser: undefined as unknown as Browser };
  let server: Server | undefined;
  beforeAll(async () => {
    ({ url: site.base, server } = options.withHeaders ? await serveWithHeaders(dist, path.join(dist, '_headers')) : await serveDist(dist));
    site.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await site.browser?.close();
    server?.close();
  });
  return site;
}

/** Call inside a describe(): `site()` gives the server's base URL and the launched Chromium. */
export function servedSiteInChromium(site: () => { base: string; browser: Browser }): void {
  let strict: BrowserContext;
  let cspOf: (page: Page) => Promise<string[]>;
  let strictRequests: ReturnType<typeof recordRequests>;

  beforeAll(async () => {
    strict = await site().browser.newContext({ viewport: VIEWPORT });
    strictRequests = recordRequests(strict);
    cspOf = await watchCsp(strict);
  });
  afterAll(async () => {
    await strict?.close();
  });

  // The quality gate's three checks that depend on the server (the layout ones do not).
  // axe runs in the same page, under its CSP (quality-fixtures.test.ts shows it finds what an
  // injected run finds): one load a template instead of two.
  it.each(TEMPLATES)('%s (%s): axe-core finds nothing, no CSP violation, no inline code, nothing from outside', async (_name, url) => {
    const page = await strict.newPage();
    try {
      const response = await page.goto(site().base + url);
      expect(response?.status()).toBe(url.startsWith('/khong-co') ? 404 : 200);
      await settle(page, url);
      await page.waitForLoadState('networkidle');
      expect(await cspOf(page)).toEqual([]);
      expect(await inlineCode(page)).toEqual([]);
      expect(await axeViolationsUnderCsp(page)).toEqual([]);
      expect(strictRequests.foreign()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a search runs Pagefind (WebAssembly, its own index files) under the CSP', async () => {
    const page = await strict.newPage();
    try {
      await page.goto(`${site().base}${routes.search()}`);
      await page.fill('#search-input', 'tien dien');
      await page.waitForSelector('#search-results a');
      expect(await page.locator('#search-results a').count()).toBeGreaterThan(0);
      expect(await cspOf(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('reads a visited lesson offline (the service worker registers and caches under nginx)', async () => {
    const lesson = builtPages().find((page) => /^\/bai-hoc\/[^/]+\/$/.test(page))!;
    const title = readPage(lesson).querySelector('h1')!.text.trim();
    const context = await site().browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site().base}${lesson}`);
      await waitUntilSaved(page, lesson);
      await goOffline(context, page);
      expect(
        await page.evaluate(() =>
          fetch('/robots.txt', { cache: 'no-store' }).then(
            () => false,
            () => true,
          ),
        ),
        'the network is really cut',
      ).toBe(true);
      await page.reload();
      expect(await page.textContent('h1')).toBe(title);
    } finally {
      await context.close();
    }
  });

  it('/admin/ loads under its own CSP: the CMS shows its sign-in, no violation, nothing but GitHub outside', async () => {
    const context = await site().browser.newContext({ locale: 'vi-VN', viewport: VIEWPORT });
    // The CMS asks GitHub's status page whether GitHub is up (allowed by its CSP); no network here.
    await context.route('https://www.githubstatus.com/**', (route) => route.fulfill({ json: { status: { indicator: 'none' } } }));
    const violations = await watchCsp(context);
    const requests = recordRequests(context);
    try {
      const page = await context.newPage();
      const response = await page.goto(`${site().base}${routes.admin()}`);
      expect(response?.headers()['content-security-policy']).toContain('https://api.github.com');
      await page.getByRole('button', { name: 'Đăng nhập bằng mã truy cập' }).waitFor();
      expect(await violations(page)).toEqual([]);
      expect(requests.foreign().filter((url) => !url.startsWith('https://www.githubstatus.com/'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
}
