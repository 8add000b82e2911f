// linkinator over the built site served on 127.0.0.1: internal links and #anchors resolve.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { routes } from '../../src/lib/routes.ts';
import { describe, expect, it } from 'vitest';
import { checkSiteLinks, formatBrokenLinks } from '../../scripts/lib/linkcheck.ts';
import { builtPages, DIST } from '../support/dist.ts';
import { serveDist } from '../../src/lib/delivery/static-server.ts';

async function crawl(dist: string) {
  const { url, server } = await serveDist(dist);
  try {
    return await checkSiteLinks(url);
  } finally {
    server.close();
  }
}

describe('links on the built site', () => {
  it('all resolve, and every page is reachable from the home page', async () => {
    const report = await crawl(DIST);
    expect(formatBrokenLinks(report.broken)).toBe('');
    // The crawl really happened: it reached every page but the error page and the offline page
    // (both are shown in place of another address: by the host, by the service worker).
    expect(report.pages.map((page) => decodeURI(page)).sort()).toEqual(builtPages().filter((page) => page !== '/404.html' && page !== routes.offline()));
  });

  it('catches a missing page, a missing anchor on another page and on the same page', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'ban-so-links-'));
    cpSync(DIST, dist, { recursive: true });
    const home = path.join(dist, 'index.html');
    const html = readFileSync(home, 'utf8').replace('</main>', '<a href="/bai-hoc/khong-co-bai-nay/">a</a><a href="/tu-dien/#khong-co-tu-nay">b</a><a href="#khong-co-muc-nay">c</a></main>');
    writeFileSync(home, html);
    const report = await crawl(dist);
    expect(formatBrokenLinks(report.broken).split('\n')).toEqual([
      '/#khong-co-muc-nay — linked from / — no element with this id',
      '/bai-hoc/khong-co-bai-nay/ — linked from / — HTTP 404',
      '/tu-dien/#khong-co-tu-nay — linked from / — no element with this id',
    ]);
  });
});
