// docs/nginx.conf run for real (issue 28): Debian's nginx with brotli_static, started as a child
// process (tests/support/nginx.ts) with the config as written — only root and port changed — on
// 127.0.0.1, serving dist/. Every response's headers are compared with public/_headers; Chromium
// runs the quality gate, a search, offline reading and /admin/ against it. A config change that
// breaks one of these fails here (the drift fixtures at the end show it).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeaders } from '../../src/lib/delivery/headers.ts';
import { canRun } from '../support/prerequisites.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { DIST } from '../support/dist.ts';
import { startNginx, type RunningNginx } from '../support/nginx.ts';
import { rawGet, servedHeaderProblems, servedPaths } from '../support/served-headers.ts';
import { servedSiteInChromium } from '../support/served-browser.ts';
import { applyDrift, DRIFTS } from '../fixtures/serve/nginx-drift.ts';

const CONF = readFileSync('docs/nginx.conf', 'utf8');
const enabled = canRun(['chromium', 'fonts-noto-core', 'nginx', 'libnginx-mod-http-brotli-static']);

describe.skipIf(!enabled)('docs/nginx.conf in Debian nginx (issue 28)', () => {
  let nginx: RunningNginx;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    nginx = await startNginx(CONF, DIST);
    base = nginx.url;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await nginx?.stop();
  });

  describe('headers', () => {
    it('every file of dist/ and the 404 page: status, content type, and exactly the CSP, cache and security headers of _headers', async () => {
      expect(servedPaths(DIST).length).toBeGreaterThan(100);
      expect(await servedHeaderProblems(base, DIST)).toEqual([]);
      expect(nginx.errorLog()).not.toMatch(/\[(emerg|alert|crit|error)\]/);
    });

    it('sends the .br twin with Content-Encoding: br and Vary: Accept-Encoding, the .gz twin to gzip-only browsers, the file itself otherwise', async () => {
      const twins = servedPaths(DIST).filter(({ file }) => /\.(html|css|js|json|svg|xml|webmanifest)$/.test(file) && !file.includes(`${path.sep}admin${path.sep}`));
      const samples = [twins.find(({ file }) => file.endsWith('.html'))!, twins.find(({ file }) => file.endsWith('.js'))!, twins.find(({ file }) => file.endsWith('sw.js'))!];
      for (const { url, file } of samples) {
        const br = await rawGet(base, url, { 'accept-encoding': 'gzip, deflate, br' });
        expect(br.headers['content-encoding'], url).toBe('br');
        expect(br.headers['vary'], url).toMatch(/accept-encoding/i);
        expect(br.body.equals(readFileSync(`${file}.br`)), `${url}: the .br twin's bytes`).toBe(true);
        const gzip = await rawGet(base, url, { 'accept-encoding': 'gzip' });
        expect(gzip.headers['content-encoding'], url).toBe('gzip');
        expect(gzip.body.equals(readFileSync(`${file}.gz`)), `${url}: the .gz twin's bytes`).toBe(true);
        const plain = await rawGet(base, url);
        expect(plain.headers['content-encoding'], url).toBeUndefined();
        expect(plain.body.equals(readFileSync(file)), url).toBe(true);
      }
    });

    it("sends Pagefind's index files as they are (they are gzip streams Pagefind reads itself)", async () => {
      const fragment = servedPaths(DIST).find(({ url }) => url.endsWith('.pf_fragment'))!;
      const response = await rawGet(base, fragment.url, { 'accept-encoding': 'br, gzip' });
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(response.body.equals(readFileSync(fragment.file))).toBe(true);
    });

    it('answers a missing page with the 404 page, status 404, under the site CSP', async () => {
      const response = await rawGet(base, '/bai-hoc/khong-co-bai-nay/');
      expect(response.status).toBe(404);
      expect(response.body.toString('utf8')).toBe(readFileSync(path.join(DIST, '404.html'), 'utf8'));
      expect(response.headers['content-security-policy']).toBe(headersFor(parseHeaders(readFileSync(path.join(DIST, '_headers'), 'utf8')), '/x')['content-security-policy']);
    });

    it.each(['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/bai-hoc/..%2f..%2f..%2f..%2fetc/passwd', '/bai-hoc/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/hostname'])('refuses a path traversal attempt: %s', async (attempt) => {
      const response = await rawGet(base, attempt);
      expect([400, 403, 404]).toContain(response.status);
      expect(response.body.toString('utf8')).not.toMatch(/root:.*:0:0:/);
    });
  });

  describe('in Chromium', () => servedSiteInChromium(() => ({ base, browser })));

  // A config that breaks a header or a type fails the checks above: each fixture, in nginx itself.
  describe.each(DRIFTS)('drift fixture: $name', (drift) => {
    it(`is caught on ${drift.path}`, async () => {
      const drifted = await startNginx(applyDrift(CONF, drift), DIST);
      try {
        const problems = await servedHeaderProblems(drifted.url, DIST);
        expect(problems.some((problem) => problem.startsWith(`${drift.path}:`) || (drift.path.startsWith('/_astro/') && problem.startsWith('/_astro/')))).toBe(true);
      } finally {
        await drifted.stop();
      }
    });
  });
});
