// The quality checks fail when a rule is broken (issue 8): small broken pages, served with the
// headers of public/_headers by the same server, through the same check functions as the site.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser-guard.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { axeViolations, axeViolationsUnderCsp, inlineCode, keyboardProblems, phoneFontProblem, recordRequests, serveWithHeaders, sidewaysScroll, smallTargets, watchCsp, zoomText } from '../support/quality.ts';

/** A page that passes every check; each fixture breaks one rule. */
function page(body: string, head = ''): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Thử</title>
<style>body{font:18px/1.6 system-ui,sans-serif;margin:0}main{padding:1rem}a{color:#0a58a8}.skip-link{position:absolute;top:-10rem;padding:1rem}.skip-link:focus{top:0}button{min-height:44px;min-width:44px}:focus-visible{outline:3px solid #000}</style>${head}</head>
<body><a class="skip-link" href="#main">Bỏ qua</a><main id="main" tabindex="-1"><h1>Trang thử</h1>${body}</main></body></html>`;
}

const FIXTURES: Record<string, string> = {
  'ok.html': page('<p>Một câu có <a href="/ok.html">liên kết trong câu</a> ở giữa.</p><p><button type="button">Bấm vào đây nhé</button></p>'),
  'img-no-alt.html': page('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="50" height="50">'),
  'third-party-font.html': page('<p>Chữ</p>', '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto">'),
  'inline-onclick.html': page('<p><button type="button" id="b" onclick="document.title=\'ran\'">Bấm vào đây nhé</button></p>'),
  'inline-script.html': page('<p>Chữ</p><script>document.title = "ran";</script>'),
  'style-attribute.html': page('<p style="color: red">Chữ đỏ</p>'),
  'small-target.html': page('<p><button type="button" class="tiny">x</button></p><style>.tiny{width:20px;height:20px;min-width:0;min-height:0;padding:0;font-size:12px}</style>'),
  // A list of lessons whose links fit on one line and get no height from the CSS (issue 11).
  'one-line-list-link.html': page('<ul><li><a href="/ok.html">Cài đặt VNeID</a></li><li><a href="/ok.html">Trả tiền điện</a></li></ul>'),
  'one-line-list-link-fixed.html': page('<ul><li><a href="/ok.html">Cài đặt VNeID</a></li></ul><style>li > a { display: inline-flex; align-items: center; min-height: 44px; min-width: 44px; }</style>'),
  'serif.html': page('<p>Chữ có dấu: Đại Dực</p><style>body { font-family: serif; }</style>'),
  'wide.html': page('<table><tr><td class="w">Bảng rộng</td></tr></table><style>.w{min-width:800px}</style>'),
  'wide-at-200.html': page('<p class="box">Hộp rộng 20rem</p><style>.box{width:20rem;min-width:20rem}</style>'),
  'no-focus-ring.html': page('<p><a class="plain" href="/ok.html">Liên kết không có viền</a></p><style>.plain:focus-visible{outline:none}</style>'),
  'no-skip-link.html': page('<p><a href="/ok.html">Liên kết đầu tiên</a></p>').replace('<a class="skip-link" href="#main">Bỏ qua</a>', ''),
};

const enabled = browserAvailable();

describe.skipIf(!enabled)('the quality checks catch broken pages', () => {
  let dir: string;
  let browser: Browser;
  let server: Server;
  let base: string;
  let strict: BrowserContext;
  let bypass: BrowserContext;
  let cspOf: (page: Page) => Promise<string[]>;
  let strictRequests: ReturnType<typeof recordRequests>;
  let bypassRequests: ReturnType<typeof recordRequests>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ban-so-quality-'));
    for (const [name, html] of Object.entries(FIXTURES)) writeFileSync(path.join(dir, name), html);
    writeFileSync(path.join(dir, '404.html'), page('<p>Không có</p>'));
    ({ url: base, server } = await serveWithHeaders(dir, 'public/_headers'));
    browser = await launchChromium();
    strict = await browser.newContext({ viewport: { width: 360, height: 740 } });
    cspOf = await watchCsp(strict);
    strictRequests = recordRequests(strict);
    bypass = await browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
    bypassRequests = recordRequests(bypass);
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(context: BrowserContext, name: string): Promise<Page> {
    const tab = await context.newPage();
    await tab.goto(`${base}/${name}`);
    await tab.waitForLoadState('networkidle').catch(() => undefined);
    return tab;
  }

  it('a correct page passes every check (so the failures below come from the broken rule)', async () => {
    const tab = await open(strict, 'ok.html');
    expect(await cspOf(tab)).toEqual([]);
    expect(await inlineCode(tab)).toEqual([]);
    expect(await smallTargets(tab)).toEqual([]);
    expect(await sidewaysScroll(tab)).toBeUndefined();
    await zoomText(tab, 200);
    expect(await sidewaysScroll(tab)).toBeUndefined();
    expect(await keyboardProblems(tab)).toEqual([]);
    const axeTab = await open(bypass, 'ok.html');
    expect(await axeViolations(axeTab)).toEqual([]);
    expect(strictRequests.foreign()).toEqual([]);
  });

  it('an image without alt fails axe', async () => {
    const tab = await open(bypass, 'img-no-alt.html');
    expect((await axeViolations(tab)).join('\n')).toMatch(/^image-alt \(critical\)/m);
  });

  // The served checks (support/served-browser.ts) run axe in the page under its CSP, without a
  // second load: it must find exactly what the injected run finds, and no violation of its own.
  // One test per page, two axe runs each: seven in one test went past 30 s on a busy CI machine.
  // The page without a skip link still has its <main>, which axe counts as a way past the links:
  // it is there to show two runs agree on a page the keyboard check (below) fails.
  it.each<[string, RegExp]>([
    ['ok.html', /^$/],
    ['img-no-alt.html', /^image-alt \(critical\)/m],
    ['no-skip-link.html', /^$/],
  ])('axe run under the CSP (as the served checks run it) finds exactly what the injected run finds: %s', async (name, expected) => {
    const underCsp = await open(strict, name);
    const injected = await open(bypass, name);
    try {
      expect(await cspOf(underCsp)).toEqual([]);
      const found = await axeViolationsUnderCsp(underCsp);
      expect(found).toEqual(await axeViolations(injected));
      expect(found.join('\n')).toMatch(expected);
      expect(await cspOf(underCsp), 'axe itself').toEqual([]);
    } finally {
      await underCsp.close();
      await injected.close();
    }
  });

  it('a third-party font is blocked by the CSP and, without the CSP, recorded as a request leaving 127.0.0.1', async () => {
    const tab = await open(strict, 'third-party-font.html');
    expect((await cspOf(tab)).join('\n')).toMatch(/fonts\.googleapis\.com/);
    await open(bypass, 'third-party-font.html');
    expect(bypassRequests.foreign()).toEqual([expect.stringMatching(/^https:\/\/fonts\.googleapis\.com\//)]);
  });

  it('an inline onclick is found in the DOM and refused by the CSP when clicked', async () => {
    const tab = await open(strict, 'inline-onclick.html');
    expect(await inlineCode(tab)).toEqual(['<button onclick>']);
    await tab.click('#b');
    expect((await cspOf(tab)).join('\n')).toMatch(/script-src-attr|inline event handler/);
    expect(await tab.title()).toBe('Thử');
  });

  it('an inline <script> never runs and is reported', async () => {
    const tab = await open(strict, 'inline-script.html');
    expect(await tab.title()).toBe('Thử');
    expect((await cspOf(tab)).join('\n')).toMatch(/script-src/);
    expect((await inlineCode(tab)).join('\n')).toMatch(/inline <script>/);
  });

  it('a style attribute is refused by the CSP', async () => {
    const tab = await open(strict, 'style-attribute.html');
    expect((await cspOf(tab)).join('\n')).toMatch(/style-src-attr/);
  });

  it('a 20×20 button fails the touch-target check; a link inside a sentence does not', async () => {
    expect(await smallTargets(await open(strict, 'small-target.html'))).toEqual(['p > <button> "x" 20×20']);
    expect(await smallTargets(await open(strict, 'ok.html'))).toEqual([]);
  });

  it('a one-line link alone in a list item fails the touch-target check at both phone widths, until the CSS gives it 44 px', async () => {
    for (const width of [360, 412]) {
      const tab = await open(strict, 'one-line-list-link.html');
      await tab.setViewportSize({ width, height: 740 });
      const small = await smallTargets(tab);
      expect(small, `at ${width} px`).toHaveLength(2);
      expect(small[0], `at ${width} px`).toMatch(/^li > <a> "Cài đặt VNeID" \d+×(\d+)$/);
      expect(Number(/×(\d+)$/.exec(small[0]!)![1])).toBeLessThan(44);
      expect(await smallTargets(await open(strict, 'one-line-list-link-fixed.html'))).toEqual([]);
    }
  });

  it('the font check passes on Noto Sans and names the package when another font is used', async () => {
    expect(await phoneFontProblem(await open(strict, 'ok.html'))).toBeUndefined();
    expect(await phoneFontProblem(await open(strict, 'serif.html'), 'p')).toMatch(/not Noto Sans: .*apt-get install -y fonts-noto-core/);
  });

  it('a page wider than 360 px, or wider only with 200% text, fails the zoom check', async () => {
    expect(await sidewaysScroll(await open(strict, 'wide.html'))).toMatch(/scrollWidth \d+ > 360/);
    const tab = await open(strict, 'wide-at-200.html');
    expect(await sidewaysScroll(tab)).toBeUndefined();
    await zoomText(tab, 200);
    expect(await sidewaysScroll(tab)).toMatch(/widest: p\.box/);
  });

  it('a link without a focus ring, and a page without a skip link, fail the keyboard check', async () => {
    expect(await keyboardProblems(await open(strict, 'no-focus-ring.html'))).toEqual(['<a> "Liên kết không có viền": no visible focus indicator']);
    expect(await keyboardProblems(await open(strict, 'no-skip-link.html'))).toContain('the first Tab does not reach the skip link');
  });
});
