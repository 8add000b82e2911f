import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidEntry } from '../../src/lib/content/integrity.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { canRun } from '../support/prerequisites.ts';
import { isPrintVariant, routes } from '../../src/lib/routes.ts';
import { siteUrl } from '../../src/lib/site.ts';
import { formatDate } from '../../src/lib/dates.ts';
import { parsePgm } from '../../src/lib/print/leaflet-picture.ts';
import { readPhone } from '../../src/lib/print/vi-numbers.ts';
import { forTheEar } from '../../src/lib/print/for-the-ear.ts';
import { sentences } from '../../src/lib/print/broadcast.ts';
import { builtPages, DIST, pageExists, readPage } from '../support/dist.ts';
import { tallestBlankBand, typeSizeOf, wordsOf } from '../support/pdf-layout.ts';

let entries: ValidEntry[] = [];
const lessons = (): ValidEntry[] => entries.filter((e) => e.collection === 'lessons');
const campaigns = (): ValidEntry[] => entries.filter((e) => e.collection === 'campaigns');

beforeAll(async () => {
  entries = (await validateContent(process.cwd())).entries;
});

describe('print pages', () => {
  it('every lesson has a leaflet, an A5 sheet and a loudspeaker script; every campaign a meeting pack and its announcements', () => {
    expect(lessons().length).toBeGreaterThan(3);
    const missing: string[] = [];
    for (const lesson of lessons()) {
      for (const page of [routes.leaflet(lesson.id), routes.leafletA5(lesson.id), routes.broadcast(lesson.id)]) if (!pageExists(page)) missing.push(page);
    }
    for (const campaign of campaigns()) {
      if (campaign.parsed['meeting'] && !pageExists(routes.meetingPack(campaign.id))) missing.push(routes.meetingPack(campaign.id));
      if ((campaign.parsed['announcements'] as unknown[]).length && !pageExists(routes.campaignBroadcast(campaign.id))) missing.push(routes.campaignBroadcast(campaign.id));
    }
    expect(missing).toEqual([]);
  });

  it('a leaflet shows title, 3–5 numbered key points, the tip, an SVG QR code with the short URL, blanks to write in, date and source', () => {
    for (const lesson of lessons()) {
      const html = readPage(routes.leaflet(lesson.id));
      expect(html.querySelector('html')?.getAttribute('data-print-variant')).toBe('leaflet');
      const leaflet = html.querySelector('.leaflet')!;
      expect(leaflet.querySelector('h1')?.text).toBe(lesson.parsed['title']);
      expect(leaflet.querySelectorAll('ol.lf-points li').map((li) => li.text)).toEqual(lesson.parsed['keyPoints']);
      expect(leaflet.querySelector('.lf-tip')?.text).toContain(String(lesson.parsed['leafletTip']));
      expect(leaflet.querySelector('svg.qr[role="img"]')).not.toBeNull();
      expect(leaflet.querySelector('.lf-url')?.text).toBe(new URL(routes.lesson(lesson.id), siteUrl()).href.replace(/^https?:\/\//, '').replace(/\/$/, ''));
      expect(leaflet.querySelectorAll('.lf-write .lf-blank')).toHaveLength(2);
      expect(leaflet.querySelector('.lf-foot')?.text).toMatch(/Cập nhật ngày \d{1,2}\/\d{1,2}\/\d{4}.*Nguồn:/);
    }
  });

  it('the A5 sheet holds two copies, the second hidden from screen readers', () => {
    const html = readPage(routes.leafletA5(lessons()[0]!.id));
    expect(html.querySelectorAll('.sheet-a5 .leaflet')).toHaveLength(2);
    expect(html.querySelectorAll('.sheet-a5 .leaflet')[1]!.getAttribute('aria-hidden')).toBe('true');
  });

  it('the loudspeaker script has no digit a reader would have to convert, opens and closes like a broadcast', () => {
    const pages = [...lessons().map((l) => routes.broadcast(l.id)), ...campaigns().map((c) => routes.campaignBroadcast(c.id))].filter((p) => pageExists(p));
    expect(pages.length).toBe(lessons().length + campaigns().length);
    for (const page of pages) {
      const reads = readPage(page).querySelectorAll('[data-script-read]');
      expect(reads.length, page).toBeGreaterThan(0);
      for (const read of reads) {
        expect(read.text, page).not.toMatch(/\d/);
        expect(read.text).toContain('Kính thưa bà con');
        expect(read.text).toMatch(/Đài truyền thanh xã …+ vừa phát tin/);
      }
      expect(readPage(page).querySelector('.read-twice')?.text).toBe('Đọc hai lần');
      expect(readPage(page).querySelector('.script-meta')?.text).toMatch(/khoảng .+ với tốc độ 190 tiếng một phút/);
    }
    // A lesson's own numbers are read digit by digit ("156" → "một năm sáu"), never as an amount.
    const withPhone = lessons().filter((l) => ((l.parsed['contacts'] as unknown[] | undefined) ?? []).length > 0);
    expect(withPhone.length).toBeGreaterThan(0);
    for (const lesson of withPhone) {
      const [first] = lesson.parsed['contacts'] as Array<{ phone: string }>;
      expect(readPage(routes.broadcast(lesson.id)).querySelector('[data-script-read]')!.text, lesson.id).toContain(readPhone(first!.phone));
    }
  });

  it('the loudspeaker script reads no menu name a listener cannot act on; the leaflet keeps it (issue 27)', () => {
    const spokenPoints = (lesson: ValidEntry) => [String(lesson.parsed['summary']), ...(lesson.parsed['keyPoints'] as string[]), String(lesson.parsed['leafletTip'])].flatMap(sentences);
    const withMenus = lessons().filter((lesson) => !(lesson.parsed['broadcast'] as { text?: string } | undefined)?.text && spokenPoints(lesson).some((text) => forTheEar(text).left.length > 0));
    // The electricity lesson's third point ends "…, mục trả hoá đơn tiền điện": a screen's name.
    expect(withMenus.map((lesson) => lesson.id)).toContain('thanh-toan-tien-dien-bang-ma-qr');
    for (const lesson of withMenus) {
      const read = readPage(routes.broadcast(lesson.id)).querySelector('[data-script-read]')!.text.replace(/\s+/g, ' ');
      const leaflet = readPage(routes.leaflet(lesson.id)).text.replace(/\s+/g, ' ');
      for (const text of spokenPoints(lesson)) {
        for (const part of forTheEar(text).left) {
          expect(read, `${lesson.id}: "${part}"`).not.toContain(part);
          if ((lesson.parsed['keyPoints'] as string[]).includes(text)) expect(leaflet, lesson.id).toContain(part);
        }
      }
      expect(read, lesson.id).not.toMatch(/\bmục\s+\p{Lu}/u);
    }
    const electricity = readPage(routes.broadcast('thanh-toan-tien-dien-bang-ma-qr')).querySelector('[data-script-read]')!.text.replace(/\s+/g, ' ');
    expect(electricity).toContain('Ba là, trả trong ứng dụng ngân hàng.');
    expect(electricity).not.toContain('mục');
  });

  it('the meeting pack has an agenda with clock-time blanks, messages, a working checklist, questions, a QR code to the campaign and a follow-up sheet of 30 rows', () => {
    const campaign = campaigns().find((c) => c.parsed['meeting'])!;
    const html = readPage(routes.meetingPack(campaign.id));
    const meeting = campaign.parsed['meeting'] as { agenda: unknown[]; bring: unknown[]; faq: unknown[]; followUp?: string[] };
    const rows = html.querySelectorAll('.mp-agenda tbody tr');
    expect(rows).toHaveLength(meeting.agenda.length);
    // A clock time to write in, then how long: never "+10 (20 phút)".
    for (const row of rows) expect(row.querySelectorAll('td').map((td) => td.text)).toEqual(['……h……', expect.stringMatching(/^\d+ phút$/), expect.any(String)]);
    expect(html.querySelector('.mp-agenda')!.text).not.toMatch(/\+\d/);
    // Real checkboxes, each with its label: they tick without JavaScript.
    const boxes = html.querySelectorAll('.mp-checklist li input[type="checkbox"]');
    expect(boxes).toHaveLength(meeting.bring.length);
    for (const box of boxes) expect(html.querySelector(`label[for="${box.getAttribute('id')}"]`)).not.toBeNull();
    expect(html.querySelectorAll('.mp-faq dt')).toHaveLength(meeting.faq.length);
    expect(html.querySelector('.mp-qr svg.qr[role="img"]')).not.toBeNull();
    // The follow-up columns are the campaign's own (meeting.followUp), one cell each in every row.
    expect(meeting.followUp?.length).toBeGreaterThan(0);
    expect(html.querySelectorAll('.mp-attendance thead th').map((th) => th.text)).toEqual(['STT', 'Họ và tên', 'Thôn, bản', 'Số điện thoại', ...meeting.followUp!]);
    const sheet = html.querySelectorAll('.mp-attendance tbody tr');
    expect(sheet.length).toBeGreaterThanOrEqual(30);
    for (const row of sheet) expect(row.querySelectorAll('td')).toHaveLength(4 + meeting.followUp!.length);
  });

  it('a campaign page opens with "Chuẩn bị họp thôn": the pack, each lesson\'s leaflet and picture, the script; the menu reaches campaigns', () => {
    for (const campaign of campaigns()) {
      const html = readPage(routes.campaign(campaign.id));
      const prep = html.querySelector('section.prep');
      expect(prep?.querySelector('h2')?.text, campaign.id).toBe('Chuẩn bị họp thôn');
      const links = prep!.querySelectorAll('a').map((a) => a.getAttribute('href'));
      if (campaign.parsed['meeting']) expect(links.some((href) => href === routes.meetingPack(campaign.id) || href === routes.meetingPackPdf(campaign.id))).toBe(true);
      for (const lesson of campaign.parsed['lessons'] as Array<{ id: string } | string>) {
        const id = typeof lesson === 'string' ? lesson : lesson.id;
        expect(
          links.some((href) => href === routes.leafletPdf(id) || href === routes.leaflet(id)),
          id,
        ).toBe(true);
      }
      // Every download names its size, filled in once the file exists.
      for (const choice of prep!.querySelectorAll('a[download]')) expect(choice.querySelector('.file-size')?.text, choice.getAttribute('href')!).toMatch(/^\d+ KB$|^\d+,\d MB$/);
    }
    expect(
      readPage(routes.home())
        .querySelectorAll('.main-nav a')
        .map((a) => a.getAttribute('href')),
    ).toContain(routes.campaigns());
  });

  it('print pages load the print font only through leaflet.css, and reading pages never load it', () => {
    const leaflet = readFileSync(path.join(DIST, routes.leaflet(lessons()[0]!.id), 'index.html'), 'utf8');
    expect(leaflet).toMatch(/@font-face\{font-family:Noto Sans;[^}]*url\(\/_astro\/noto-sans-vietnamese-400-normal[^)]*\.woff2\)/);
    for (const page of builtPages().filter((p) => !isPrintVariant(p))) {
      expect(readFileSync(path.join(DIST, page.endsWith('/') ? `${page}index.html` : page), 'utf8'), page).not.toContain('Noto Sans;');
    }
  });

  it("the print centre offers two clear choices per lesson (print the A4 leaflet, send its picture) with their sizes, and every campaign's meeting pack", () => {
    // The centre and its topic pages (/in-an/chu-de/<topic>/…) together list everything.
    const centrePages = builtPages().filter((page) => page.startsWith(routes.printCentre()));
    const items = centrePages.flatMap((page) => readPage(page).querySelectorAll('main .print-items > li'));
    const links = new Set(
      centrePages.flatMap((page) =>
        readPage(page)
          .querySelectorAll('main a')
          .map((a) => a.getAttribute('href')),
      ),
    );
    for (const lesson of lessons()) {
      const item = items.find((li) => li.querySelector('.print-item-title')?.getAttribute('href') === routes.leaflet(lesson.id));
      expect(item, lesson.id).toBeDefined();
      const choices = item!.querySelectorAll('.print-choices a');
      expect(choices, lesson.id).toHaveLength(2);
      const pdf = existsSync(path.join(DIST, routes.leafletPdf(lesson.id)));
      const picture = existsSync(path.join(DIST, routes.leafletPicture(lesson.id)));
      expect(choices[0]!.getAttribute('href')).toBe(pdf ? routes.leafletPdf(lesson.id) : routes.leaflet(lesson.id));
      expect(choices[1]!.getAttribute('href')).toBe(picture ? routes.leafletPicture(lesson.id) : routes.leafletA5(lesson.id));
      for (const choice of choices.filter((a) => a.getAttribute('download') !== undefined)) expect(choice.querySelector('.file-size')?.text).toMatch(/^\d+ KB$/);
    }
    for (const campaign of campaigns()) expect(links.has(routes.meetingPack(campaign.id))).toBe(true);
  });

  it('links to a PDF only when the PDF exists', () => {
    const broken: string[] = [];
    for (const page of builtPages()) {
      if (!page.endsWith('/')) continue;
      for (const a of readPage(page).querySelectorAll('a[href$=".pdf"]')) {
        const href = a.getAttribute('href')!;
        if (!existsSync(path.join(DIST, href))) broken.push(`${page} → ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

// PDFs need Chromium at build time. Without it they are skipped, unless REQUIRE_BROWSER is set:
// then a missing PDF fails the tests instead.
// poppler reads them; without it they skip too (and the skip reporter says what to install).
const havePdfs = !process.env['SKIP_PDF'] && canRun(['chromium', 'poppler-utils']);
const requirePdfs = !!process.env['REQUIRE_BROWSER'];
const describePdf = havePdfs || requirePdfs ? describe : describe.skip;

function pdfinfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
}

/** The QR code on a PDF page rendered at 150 dpi (or `dpi`); `half` crops one half of an A5 sheet (two codes confuse the decoder). */
async function qrIn(file: string, half?: 'left' | 'right', dpi = 150): Promise<string | undefined> {
  const [w, h] = [Math.round((dpi * 297) / 25.4 / 2), Math.round((dpi * 210) / 25.4)];
  const crop = half ? ['-x', half === 'left' ? '0' : String(w), '-y', '0', '-W', String(w), '-H', String(h)] : [];
  // Raw grey pixels (PGM), as the build's leaflet pictures do: pdftoppm's PNG compression took
  // three quarters of its time here (456 of 578 ms a page at 150 dpi, issue 29).
  const { width, height, pixels } = parsePgm(execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', ...crop, file], { maxBuffer: 64 * 1024 * 1024 }));
  // jsQR reads RGBA.
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let i = 0; i < pixels.length; i += 1) rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = pixels[i]!;
  return jsQR(rgba, width, height, { inversionAttempts: 'attemptBoth' })?.data;
}

// Each test renders every PDF with pdftoppm (the A5 test 32 crops at 150 dpi): 41–43 s for the
// A5 QR codes alone at load average 14 on 2 shared cores, over the build project's 60 s with the rest.
describePdf('PDFs printed by Chromium during the build', { timeout: 180_000 }, () => {
  it('every leaflet is one A4 portrait page with the title in correct Vietnamese, and its QR code opens the lesson', async () => {
    for (const lesson of lessons()) {
      const file = path.join(DIST, routes.leafletPdf(lesson.id));
      expect(existsSync(file), file).toBe(true);
      const info = pdfinfo(file);
      expect(info['Pages'], file).toBe('1');
      expect(info['Page size'], file).toMatch(/^59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
      expect(text.replace(/\s+/g, ' '), file).toContain(String(lesson.parsed['title']));
      expect(await qrIn(file), file).toBe(new URL(routes.lesson(lesson.id), siteUrl()).href);
      // Issue 24: a leaflet on a noticeboard says how old its facts are.
      expect(text.replace(/\s+/g, ' '), file).toContain(`Đúng đến ngày ${formatDate(lesson.parsed['reviewed'] as Date)}`);
    }
  });

  it('every A4 leaflet fills its page: no blank band taller than a tenth of the page, steps and title never smaller than before (17 pt, 28 pt), QR readable at 100 dpi', async () => {
    const problems: string[] = [];
    for (const lesson of lessons()) {
      const file = path.join(DIST, routes.leafletPdf(lesson.id));
      const band = await tallestBlankBand(file);
      if (band.share > 0.1) problems.push(`${file}: blank band ${(band.share * 100).toFixed(1)} % of the page at ${(band.fromTop * 100).toFixed(0)} % from the top`);
      const { words } = wordsOf(file);
      const points = (lesson.parsed['keyPoints'] as string[]).map((point) => typeSizeOf(words, point));
      const title = typeSizeOf(words, String(lesson.parsed['title']));
      if (points.some((size) => size === undefined || size < 16.9)) problems.push(`${file}: key points at ${points.map((size) => size?.toFixed(1)).join(', ')} pt, under 17`);
      if (title === undefined || title < 27.9) problems.push(`${file}: title at ${title?.toFixed(1)} pt, under 28`);
      if ((await qrIn(file, undefined, 100)) !== new URL(routes.lesson(lesson.id), siteUrl()).href) problems.push(`${file}: QR code not read at 100 dpi`);
    }
    expect(problems).toEqual([]);
  });

  it('every leaflet has a picture for phones (JPEG 1080 px wide, ≤ 150 KB) whose QR code opens the lesson, linked from the lesson and the print centre', async () => {
    const centre = new Set(
      builtPages()
        .filter((page) => page.startsWith(routes.printCentre()))
        .flatMap((page) =>
          readPage(page)
            .querySelectorAll('main a')
            .map((a) => a.getAttribute('href')),
        ),
    );
    const problems: string[] = [];
    for (const lesson of lessons()) {
      const picture = routes.leafletPicture(lesson.id);
      const file = path.join(DIST, picture);
      if (!existsSync(file)) {
        problems.push(`${picture}: missing`);
        continue;
      }
      const bytes = readFileSync(file);
      const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const meta = await sharp(bytes).metadata();
      if (meta.format !== 'jpeg' || info.width !== 1080 || info.height < 1500) problems.push(`${picture}: ${meta.format} ${info.width}×${info.height}`);
      if (bytes.length > 150_000) problems.push(`${picture}: ${bytes.length} B > 150000`);
      const qr = jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
      if (qr !== new URL(routes.lesson(lesson.id), siteUrl()).href) problems.push(`${picture}: QR code reads ${qr}`);
      if (!readPage(routes.lesson(lesson.id)).querySelector(`main a[href="${picture}"]`)) problems.push(`${routes.lesson(lesson.id)}: no link to ${picture}`);
      if (!centre.has(picture)) problems.push(`print centre: no link to ${picture}`);
    }
    expect(problems).toEqual([]);
  });

  it('every A5 sheet is one A4 landscape page with two copies and a scannable QR code', async () => {
    for (const lesson of lessons()) {
      const file = path.join(DIST, routes.leafletA5Pdf(lesson.id));
      const info = pdfinfo(file);
      expect(info['Pages'], file).toBe('1');
      expect(info['Page size'], file).toMatch(/^841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC');
      const firstPoint = String((lesson.parsed['keyPoints'] as string[])[0]);
      expect(text.replace(/\s+/g, ' ').split(firstPoint.slice(0, 20)).length - 1, file).toBe(2);
      expect(text.split('Đúng đến ngày').length - 1, file).toBe(2);
      expect(await qrIn(file, 'left'), file).toBe(new URL(routes.lesson(lesson.id), siteUrl()).href);
      expect(await qrIn(file, 'right'), file).toBe(new URL(routes.lesson(lesson.id), siteUrl()).href);
      // The A5 copy is the A4 page scaled: it fills its half as the A4 leaflet fills its page.
      expect((await tallestBlankBand(file)).share, file).toBeLessThanOrEqual(0.1);
    }
  });

  it('embeds the Vietnamese font in every PDF, with no fallback font, so diacritics print on any machine', () => {
    const files = [
      ...lessons().flatMap((lesson) => [routes.leafletPdf(lesson.id), routes.leafletA5Pdf(lesson.id)]),
      ...campaigns()
        .filter((campaign) => campaign.parsed['meeting'])
        .map((campaign) => routes.meetingPackPdf(campaign.id)),
    ];
    for (const file of files) {
      const fonts = execFileSync('pdffonts', [path.join(DIST, file)], { encoding: 'utf8' });
      const rows = fonts.split('\n').slice(2).filter(Boolean);
      expect(rows.length, file).toBeGreaterThan(0);
      for (const row of rows) expect(row, file).toMatch(/NotoSans-\w+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    }
  });

  it('the meeting pack PDF is two A4 sheets with every section, then the follow-up sheet on a page of its own', async () => {
    for (const campaign of campaigns().filter((c) => c.parsed['meeting'])) {
      const file = path.join(DIST, routes.meetingPackPdf(campaign.id));
      const info = pdfinfo(file);
      expect(info['Pages'], file).toBe('3');
      expect(info['Page size']).toMatch(/\(A4\)/);
      const text = (first: number, last: number) => execFileSync('pdftotext', ['-f', String(first), '-l', String(last), file, '-'], { encoding: 'utf8' });
      expect(text(3, 3)).toContain('Danh sách theo dõi sau buổi họp');
      // Its columns, as the campaign names them (issue 27), else the generic two.
      const followUp = (campaign.parsed['meeting'] as { followUp?: string[] }).followUp ?? ['Đã làm xong', 'Cần giúp tại nhà'];
      const sheet = text(3, 3).normalize('NFC').replace(/\s+/g, ' ');
      for (const column of followUp) expect(sheet, file).toContain(column);
      const pack = text(1, 2);
      for (const heading of ['Chương trình họp', 'Điều cần nhớ', 'Bà con mang theo', 'Hỏi và đáp']) expect(pack).toContain(heading);
      expect(pack).not.toContain('Danh sách theo dõi');
      // The QR code on the first sheet opens the campaign.
      expect(await qrIn(file)).toBe(new URL(routes.campaign(campaign.id), siteUrl()).href);
    }
  });
});
