// Issue 24 on a built copy of the site: the base fixtures plus two lessons whose check has aged
// (tests/fixtures/review/), built "as of" SOURCE_DATE_EPOCH = 2 December 2025 with no REPORT_PHONE.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../src/lib/routes.ts';
import { siteUrl } from '../../src/lib/site.ts';
import { readPage } from '../support/dist.ts';
import { canRun } from '../support/prerequisites.ts';
import { buildCopy, copySite } from '../support/site-copy.ts';

const FIXTURES = path.resolve('tests/fixtures');
const withPdf = !process.env['SKIP_PDF'] && canRun(['chromium', 'poppler-utils']);

let root = '';
let scratch = '';
let log = '';
const dist = () => path.join(root, 'dist');
const page = (sitePath: string) => readPage(sitePath, dist());
const text = (sitePath: string) => page(sitePath).text.replace(/\s+/g, ' ');

describe('lessons whose check has aged, on a built site', () => {
  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'ban-so-review-content-'));
    const content = path.join(scratch, 'content');
    cpSync(path.join(FIXTURES, 'base'), content, { recursive: true });
    cpSync(path.join(FIXTURES, 'review/lessons'), path.join(content, 'lessons'), { recursive: true });
    root = copySite('ban-so-review-', content);
    const env: Record<string, string> = { SOURCE_DATE_EPOCH: '1764633600', REPORT_PHONE: '', REPORT_ZALO: '', SKIP_AUDIO: '1', ...(withPdf ? {} : { SKIP_PDF: '1' }) };
    const built = buildCopy(root, env);
    log = built.log;
    expect(built.status, built.log.slice(-3000)).toBe(0);
  }, 300_000);
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  it('the build warns about the lesson checked seven months before, and still builds it', () => {
    expect(log).toContain('Cảnh báo (không chặn việc dựng trang):');
    expect(log).toMatch(/content\/lessons\/kiem-tra-7-thang\.mdx:15 — reviewed — bài chưa được kiểm tra lại từ 2\/5\/2025, đã hơn 6 tháng/);
    expect(existsSync(path.join(dist(), routes.lesson('kiem-tra-7-thang'), 'index.html'))).toBe(true);
  });

  it('the print centre lists the lessons due for review for editors, oldest first, and no other', () => {
    const section = page(routes.printCentre()).querySelector('#can-kiem-tra')!.parentNode!;
    expect(section.querySelector('h2')?.text).toBe('Bài cần kiểm tra lại');
    const items = section.querySelectorAll('ol li');
    expect(items.map((item) => item.querySelector('a')?.getAttribute('href'))).toEqual([routes.lesson('kiem-tra-13-thang'), routes.lesson('kiem-tra-7-thang')]);
    expect(items[0]!.text.replace(/\s+/g, ' ')).toContain('kiểm tra lần cuối 2/11/2024');
  });

  it('the lesson page tells readers after twelve months, not after seven', () => {
    expect(page(routes.lesson('kiem-tra-13-thang')).querySelector('.notice[role="note"]')?.text).toMatch(/^Bài này chưa được kiểm tra lại từ 2\/11\/2024\./);
    expect(text(routes.lesson('kiem-tra-7-thang'))).not.toContain('Bài này chưa được kiểm tra lại');
    expect(text(routes.lesson('bai-mau'))).not.toContain('Bài này chưa được kiểm tra lại');
  });

  it('the lesson page ends with its sources and the day of the last check', () => {
    const sources = page(routes.lesson('kiem-tra-7-thang')).querySelector('section.sources')!;
    expect(sources.querySelector('h2')?.text).toBe('Nguồn');
    const link = sources.querySelector('li a')!;
    expect(link.getAttribute('href')).toBe('https://ban-so.example.org/nguon-mau/vneid');
    expect(sources.querySelector('li')!.text).toBe('Hướng dẫn kích hoạt tài khoản định danh điện tử (trang mẫu của bộ thử) — Bộ thử Bản Số, 1/10/2024');
    expect(sources.querySelector('p.meta')?.text).toBe('Kiểm tra lần cuối: 2/5/2025');
  });

  it('"Báo nội dung sai" offers editors a prefilled issue with the page address; without REPORT_PHONE no phone and no Zalo, said once in the log', () => {
    const lesson = page(routes.lesson('bai-mau'));
    const report = lesson.querySelector('section.report')!;
    expect(report.querySelector('h2')?.text).toBe('Báo nội dung sai');
    const issue = new URL(report.querySelector('a[data-report-issue]')!.getAttribute('href')!);
    expect(issue.pathname).toMatch(/\/issues\/new$/);
    expect(issue.searchParams.get('body')).toContain(`Trang: ${new URL(routes.lesson('bai-mau'), siteUrl()).href}`);
    expect(issue.searchParams.get('title')).toBe('Nội dung sai: Cài đặt và kích hoạt VNeID mức 2');
    expect(report.querySelectorAll('a[href^="tel:"], a[href^="https://zalo.me/"]')).toHaveLength(0);
    expect(log.split('Chưa đặt REPORT_PHONE').length - 1).toBe(1);
  });

  it('the leaflet and the A5 sheet print "Đúng đến ngày", the script ends with its source in words', () => {
    for (const variant of [routes.leaflet('kiem-tra-7-thang'), routes.leafletA5('kiem-tra-7-thang')]) {
      expect(page(variant).querySelector('.lf-foot .lf-asof')?.text, variant).toBe('Đúng đến ngày 2/5/2025');
    }
    const closing = page(routes.broadcast('kiem-tra-7-thang')).querySelector('.script-closing')!.text;
    expect(closing).toContain('Thông tin trong bài lấy từ Bộ thử Bản Số.');
    if (!withPdf) return;
    for (const pdf of [routes.leafletPdf('kiem-tra-7-thang'), routes.leafletA5Pdf('kiem-tra-7-thang')]) {
      const file = path.join(dist(), pdf);
      const printed = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC');
      expect(printed, pdf).toContain('Đúng đến ngày 2/5/2025');
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' }), pdf).toMatch(/Pages:\s+1\n/);
    }
  });
});
