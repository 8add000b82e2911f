// Quality gate in Chromium (issue 8): one page of every template, served from dist/ on 127.0.0.1
// with exactly the headers of dist/_headers. See tests/README.md.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../src/lib/routes.ts';
import { browserAvailable } from '../support/browser-guard.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { DIST } from '../support/dist.ts';
import { settle, TEMPLATES } from '../support/templates.ts';
import { axeViolations, inlineCode, keyboardProblems, PHONE_FONT, phoneFontProblem, recordRequests, renderedFonts, serveWithHeaders, sidewaysScroll, smallTargets, watchCsp, zoomText } from '../support/quality.ts';

const SCREENSHOTS = path.resolve('test-results/screenshots');
const VIEWPORT = { width: 360, height: 740 };
/** A small Android phone and a common larger one (CSS px). */
const TOUCH_WIDTHS = [360, 412];
/** Another font, set tighter than Noto Sans, so more links fit on one line (the case that must still pass). */
const OTHER_FONT_CSS = 'html body, html body * { font-family: serif !important; letter-spacing: -0.04em !important; }';
const enabled = browserAvailable();

describe.skipIf(!enabled)('quality gate in Chromium (issue 8)', () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  let strict: BrowserContext; // the CSP of _headers enforced
  let axeContext: BrowserContext; // bypassCSP, so axe can be injected
  let strictRequests: ReturnType<typeof recordRequests>;
  let axeRequests: ReturnType<typeof recordRequests>;
  let cspOf: (page: Page) => Promise<string[]>;
  let strictPage: Page;
  let axePage: Page;

  beforeAll(async () => {
    ({ url: base, server } = await serveWithHeaders(DIST, path.join(DIST, '_headers')));
    browser = await launchChromium();
    strict = await browser.newContext({ viewport: VIEWPORT });
    strictRequests = recordRequests(strict);
    cspOf = await watchCsp(strict);
    axeContext = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
    axeRequests = recordRequests(axeContext);
    strictPage = await strict.newPage();
    axePage = await axeContext.newPage();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('serves pages with the CSP of _headers (so the checks below test it)', async () => {
    const response = await strictPage.goto(`${base}/`);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(response?.headers()['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  // Each template is loaded twice, once in each context, and its tests read that page in the
  // order below: the checks that only read come first, then the ones that press keys, zoom the
  // text or change the font, each last on its page. Layout comes from the CSS alone (no layout
  // script), so a page resized to another phone width lays out as one loaded at that width.
  describe.each(TEMPLATES)('%s (%s)', (name, url) => {
    let requestsBefore = 0;

    beforeAll(async () => {
      requestsBefore = strictRequests.all.length;
      await strictPage.setViewportSize(VIEWPORT);
      await strictPage.goto(base + url);
      await settle(strictPage, url);
      await strictPage.waitForLoadState('networkidle');
      await axePage.goto(base + url);
      await settle(axePage, url);
    });

    it('passes axe-core with zero violations', async () => {
      expect(await axeViolations(axePage)).toEqual([]);
    });

    it('reports no CSP violation, has no inline code and stays on 127.0.0.1', async () => {
      expect(await cspOf(strictPage)).toEqual([]);
      expect(await inlineCode(strictPage)).toEqual([]);
      expect(strictRequests.all.length).toBeGreaterThan(requestsBefore);
      expect(strictRequests.foreign()).toEqual([]);
      await strictPage.screenshot({ path: path.join(SCREENSHOTS, `${name.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '')}-360.png`), fullPage: true });
    });

    // Two phone widths, so a link that wraps at one width cannot pass by luck (issue 11).
    it.each(TOUCH_WIDTHS)('has touch targets of at least 44×44 px at %i px, laid out in Noto Sans', async (width) => {
      await strictPage.setViewportSize({ width, height: VIEWPORT.height });
      try {
        expect(await phoneFontProblem(strictPage)).toBeUndefined();
        expect(await smallTargets(strictPage)).toEqual([]);
      } finally {
        await strictPage.setViewportSize(VIEWPORT);
      }
    });

    it('works by keyboard: the skip link, and focus always visible', async () => {
      expect(await keyboardProblems(strictPage)).toEqual([]);
    });

    it('does not scroll sideways at 360 px, nor with text at 200%', async () => {
      expect(await sidewaysScroll(strictPage), 'at 100%').toBeUndefined();
      await zoomText(strictPage, 200);
      expect(await sidewaysScroll(strictPage), 'text at 200%').toBeUndefined();
    });

    it('keeps 44×44 px touch targets in another font (heights come from the CSS, not from wrapping)', async () => {
      await axePage.addStyleTag({ content: OTHER_FONT_CSS });
      // Two animation frames: the new style is laid out before Chromium is asked which font it used
      // (on a busy machine the answer could come from the layout before the style tag).
      await axePage.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect((await renderedFonts(axePage, 'body'))[0]).not.toBe(PHONE_FONT);
      expect(await smallTargets(axePage)).toEqual([]);
    });
  });

  it('a search runs Pagefind (WebAssembly) under the CSP without a violation', async () => {
    const page = await strict.newPage();
    await page.goto(`${base}${routes.search()}`);
    await page.fill('#search-input', 'tien dien');
    await page.waitForSelector('#search-results a');
    expect(await cspOf(page)).toEqual([]);
    await page.close();
  });

  it('no request of either context left 127.0.0.1', () => {
    expect(axeRequests.all.length).toBeGreaterThan(TEMPLATES.length);
    expect([...strictRequests.foreign(), ...axeRequests.foreign()]).toEqual([]);
  });
});
