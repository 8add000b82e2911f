// A static host's own runtime (issue 28): Cloudflare's `wrangler pages dev dist/` (workerd, an
// npm binary) reads dist/_headers as Cloudflare Pages does. It runs here offline (telemetry off,
// no Request.cf fetch; tests/support/wrangler.ts). The same header checks as for nginx, and the
// same browser checks. Where Cloudflare Pages itself behaves differently from _headers, the
// difference is listed below and asserted, so a change in either shows.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRun } from '../support/prerequisites.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { DIST } from '../support/dist.ts';
import { rawGet, servedHeaderProblems, servedPaths } from '../support/served-headers.ts';
import { servedSiteInChromium } from '../support/served-browser.ts';
import { startPagesDev, type RunningPages } from '../support/wrangler.ts';

// wrangler is a devDependency: after npm ci it is always there.
const enabled = canRun(['chromium', 'fonts-noto-core']);

/** What Cloudflare Pages does on its own, whatever _headers says (seen with wrangler 4.164). */
const CLOUDFLARE = {
  // "Pretty URLs": /404.html answers 308 → /404 (and /x/index.html → /x/).
  redirected: (url: string) => /\.html$/.test(url),
  // Its own type for YAML (the CMS's config.yml); nginx and our Node server send octet-stream.
  types: { '.yml': 'text/yaml; charset=utf-8' },
};

describe.skipIf(!enabled)("Cloudflare Pages' runtime: wrangler pages dev (issue 28)", () => {
  let pages: RunningPages;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    pages = await startPagesDev(DIST);
    base = pages.url;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await pages?.stop();
  });

  it('reads every rule of _headers', () => {
    expect(pages.log()).toMatch(/Parsed \d+ valid header rules/);
    expect(pages.log()).not.toMatch(/invalid header rule|Error parsing/i);
  });

  it('every file of dist/ and the 404 page: status, content type and the headers of _headers; the only difference is the 404 page never cached', async () => {
    expect(servedPaths(DIST).length).toBeGreaterThan(100);
    expect(await servedHeaderProblems(base, DIST, CLOUDFLARE)).toEqual([
      // Cloudflare Pages sends its 404 page with no-store, whatever _headers says (harmless:
      // nginx revalidates it every time anyway).
      '/khong-co-trang-nay/: cache-control is "no-store", _headers: "public, max-age=0, must-revalidate"',
    ]);
  });

  it('redirects /404.html and index.html to their pretty URLs (so links never show .html)', async () => {
    const response = await rawGet(base, '/404.html');
    expect(response.status).toBe(308);
    expect(response.headers['location']).toBe('/404');
  });

  it.each(['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/bai-hoc/..%2f..%2f..%2f..%2fetc/passwd'])('refuses a path traversal attempt: %s', async (attempt) => {
    const response = await rawGet(base, attempt);
    expect(response.body.toString('utf8')).not.toMatch(/root:.*:0:0:/);
    expect([301, 308, 400, 403, 404]).toContain(response.status);
  });

  describe('in Chromium', () => servedSiteInChromium(() => ({ base, browser })));
});
