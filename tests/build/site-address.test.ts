// Issue 28: the suite builds with no SITE_URL, so every leaflet and meeting pack must carry the
// draft mark; an invalid SITE_URL must stop the build before anything is written.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { routes } from '../../src/lib/routes.ts';
import { siteSetting } from '../../src/lib/site.ts';
import { builtPages, readPage } from '../support/dist.ts';

const DRAFT = 'BẢN THỬ — chưa có địa chỉ trang';

describe('a build without a real SITE_URL (issue 28)', () => {
  it("is the suite's own build (SITE_URL unset)", () => {
    expect(siteSetting().draft).toBe(true);
  });

  it('marks every leaflet (A4 and both A5 copies) across its QR area, and keeps the QR code and address', () => {
    const leaflets = builtPages().filter((page) => /\/to-roi(-a5)?\/$/.test(page));
    expect(leaflets.length).toBeGreaterThan(0);
    for (const page of leaflets) {
      const html = readPage(page);
      const areas = html.querySelectorAll('.lf-qr');
      expect(areas.length, page).toBe(page.endsWith('-a5/') ? 2 : 1);
      for (const area of areas) {
        expect(area.classList.contains('lf-qr-draft'), page).toBe(true);
        expect(area.querySelector('.lf-draft')?.text, page).toBe(DRAFT);
        expect(area.querySelector('svg.qr'), page).not.toBeNull();
        expect(area.querySelector('.lf-url')?.text, page).toMatch(/^ban-so\.example\.org\//);
      }
    }
  });

  it('marks every meeting pack at its top', () => {
    const packs = builtPages().filter((page) => /^\/chien-dich\/[^/]+\/hop-thon\/$/.test(page));
    expect(packs.length).toBeGreaterThan(0);
    for (const page of packs) expect(readPage(page).querySelector('.meeting > .print-draft')?.text, page).toBe(DRAFT);
  });

  it('reading pages carry no draft mark', () => {
    expect(readPage(routes.home()).toString()).not.toContain(DRAFT);
  });
});

describe('an invalid SITE_URL', () => {
  it.each([
    ['http://banso.quangninh.gov.vn', 'phải bắt đầu bằng https://'],
    ['https://ban-so.github.io/ban-so/', 'sau tên miền'],
  ])('%s stops the build as the config loads, with the reason', (value, reason) => {
    // Loading astro.config.mjs is the first thing `astro build` does: nothing is built or written.
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('./astro.config.mjs')"], { env: { ...process.env, SITE_URL: value }, encoding: 'utf8' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`biến môi trường SITE_URL — "${value}"`);
    expect(result.stderr).toContain(reason);
  });
});
