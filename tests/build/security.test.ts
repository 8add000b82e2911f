// Privacy and CSP on the built files (issue 8); the browser suite checks the same in Chromium.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_ONLY_DIRECTIVES, headersFor, metaPolicy, parseCsp, parseHeaders } from '../../src/lib/delivery/headers.ts';
import { routes } from '../../src/lib/routes.ts';
import { foreignResourcesInCss, foreignResourcesInHtml } from '../support/third-party.ts';
import { builtPages, DIST, readPage } from '../support/dist.ts';

const pages = builtPages();

describe('no third-party resources in dist/', () => {
  it('no page loads anything from another host (img, script, link, source, iframe, media, object, CSS url())', () => {
    const offenders = pages.flatMap((page) => foreignResourcesInHtml(readPage(page).toString()).map((found) => `${page}: ${found}`));
    expect(pages.length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });

  it('no stylesheet or script file in dist/ points to another host', () => {
    const files = readdirSync(DIST, { recursive: true })
      .map(String)
      .filter((file) => /\.(css|webmanifest)$/.test(file));
    const offenders = files.flatMap((file) => foreignResourcesInCss(readFileSync(path.join(DIST, file), 'utf8')).map((found) => `${file}: ${found}`));
    const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf8')) as { icons?: Array<{ src: string }> };
    for (const icon of manifest.icons ?? []) if (/^(https?:)?\/\//.test(icon.src)) offenders.push(`manifest icon: ${icon.src}`);
    expect(offenders).toEqual([]);
  });
});

describe('Content-Security-Policy', () => {
  it('dist/_headers is public/_headers and sends the CSP on every page', () => {
    expect(readFileSync(path.join(DIST, '_headers'), 'utf8')).toBe(readFileSync('public/_headers', 'utf8'));
    const rules = parseHeaders(readFileSync(path.join(DIST, '_headers'), 'utf8'));
    for (const page of pages) expect(headersFor(rules, page)['content-security-policy'], page).toMatch(/script-src 'self'/);
  });

  it('every page carries its own CSP meta: hashes of each inline <style>, no unsafe-inline, no style attributes', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const html = readPage(page);
      const meta = html.querySelector('meta[http-equiv="content-security-policy"]');
      if (!meta) {
        problems.push(`${page}: no CSP meta`);
        continue;
      }
      const csp = parseCsp(meta.getAttribute('content') ?? '');
      const styleSources = csp.get('style-src') ?? [];
      const scriptSources = csp.get('script-src') ?? [];
      if (styleSources.includes("'unsafe-inline'") || scriptSources.includes("'unsafe-inline'")) problems.push(`${page}: unsafe-inline in the meta CSP`);
      if (styleSources.includes("'unsafe-hashes'") || csp.has('style-src-attr')) problems.push(`${page}: the meta CSP lets style attributes through`);
      // The meta must come before any <style>, or the browser applies it too late.
      const head = html
        .querySelector('head')!
        .childNodes.filter((node) => 'tagName' in node)
        .map((node) => (node as { tagName: string }).tagName);
      if (head.indexOf('META') > -1 && head.indexOf('STYLE') > -1 && head.findIndex((tag, i) => tag === 'STYLE' && i < head.indexOf('META')) > -1) problems.push(`${page}: a <style> before the CSP meta`);
      for (const style of html.querySelectorAll('style')) {
        const hash = `'sha256-${createHash('sha256').update(style.innerHTML).digest('base64')}'`;
        if (!styleSources.includes(hash)) problems.push(`${page}: inline <style> (${style.innerHTML.length} chars) not in the CSP (${hash})`);
      }
      for (const element of html.querySelectorAll('[style]')) problems.push(`${page}: style attribute on <${element.rawTagName}>`);
      const wasm = scriptSources.includes("'wasm-unsafe-eval'");
      if (wasm !== (page === '/tim-kiem/')) problems.push(`${page}: 'wasm-unsafe-eval' ${wasm ? 'allowed outside' : 'missing on'} the search page`);
    }
    expect(problems).toEqual([]);
  });

  it("every page is closed without our headers too: its meta CSP has default-src 'none' and the header's other rules (issue 23)", () => {
    const rules = parseHeaders(readFileSync(path.join(DIST, '_headers'), 'utf8'));
    const problems: string[] = [];
    for (const page of pages) {
      const header = parseCsp(headersFor(rules, page)['content-security-policy'] ?? '');
      const content = readPage(page).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content');
      if (!content) {
        problems.push(`${page}: no CSP meta`);
        continue;
      }
      const meta = parseCsp(content);
      if (meta.get('default-src')?.join(' ') !== "'none'") problems.push(`${page}: default-src is ${meta.get('default-src')?.join(' ') ?? 'missing'}, not 'none'`);
      // Every directive of the header a meta can carry, with the same sources (script-src and
      // style-src are Astro's: 'self' plus the page's hashes, checked above).
      for (const [name, sources] of header) {
        // style-src-attr 'none' is implied: the meta's style-src has hashes but neither
        // 'unsafe-inline' nor 'unsafe-hashes', so no style="" can apply (checked above).
        if (HEADER_ONLY_DIRECTIVES.includes(name) || /^(script|style)-src(-attr|-elem)?$/.test(name)) continue;
        if (meta.get(name)?.join(' ') !== sources.join(' ')) problems.push(`${page}: ${name} is "${meta.get(name)?.join(' ') ?? ''}" in the meta, "${sources.join(' ')}" in the header`);
      }
      for (const name of HEADER_ONLY_DIRECTIVES) if (meta.has(name)) problems.push(`${page}: ${name} in the meta (ignored there, with a console warning)`);
    }
    expect(pages.length).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it('/admin/ carries its own header policy as a meta, less frame-ancestors (issue 23)', () => {
    const rules = parseHeaders(readFileSync(path.join(DIST, '_headers'), 'utf8'));
    const html = readFileSync(path.join(DIST, routes.admin(), 'index.html'), 'utf8');
    const content = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;|&apos;/g, "'");
    expect(content).toBe(metaPolicy(headersFor(rules, routes.admin())['content-security-policy']!));
    expect(html.indexOf('http-equiv')).toBeLessThan(html.indexOf('<script'));
  });
});
