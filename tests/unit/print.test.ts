import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { buildScript, COMMUNE_BLANK, DAY_BLANK, HOUR_BLANK, PLACE_BLANK, countSyllables, readingTimeLabel, translationParagraphs } from '../../src/lib/print/broadcast.ts';
import { readFileSync } from 'node:fs';
import { estimateLeaflet, LEAFLET_A4, LEAFLET_STEPS, leafletStep, linesFor } from '../../src/lib/print/leaflet-fit.ts';
import { pdfJobs } from '../../src/lib/print/jobs.ts';
import { pdfPageCount, sourceOf } from '../../src/lib/print/pdf.ts';
import { qrPayload, qrSvg, shortUrl } from '../../src/lib/print/qr.ts';
import { isPrintVariant, routes } from '../../src/lib/routes.ts';
import { hasDigits } from '../../src/lib/print/vi-numbers.ts';

const SHORT = {
  title: 'Cài đặt và kích hoạt VNeID mức 2',
  keyPoints: ['Mang căn cước và điện thoại đến công an xã.', 'Cài ứng dụng VNeID từ CH Play.', 'Nhận tin nhắn có mã, mở VNeID và kích hoạt.'],
  tip: 'Công an không bao giờ gọi điện xin mã kích hoạt.',
};
const LONG_POINT = 'Ý này viết rất dài, kể đủ mọi chi tiết nhỏ mà người đọc không cần nhớ khi đứng ở buổi họp thôn.';

describe('leaflet fit (one A4 page)', () => {
  it('wraps word by word like the browser', () => {
    expect(linesFor('một hai ba', 17, 186)).toBe(1);
    expect(linesFor(LONG_POINT, 17, 60)).toBeGreaterThan(linesFor(LONG_POINT, 17, 172));
  });

  it('fits a short leaflet with room to spare', () => {
    const fit = estimateLeaflet(SHORT);
    expect(fit.fits).toBe(true);
    expect(fit.heightMm).toBeLessThan(LEAFLET_A4.heightMm - 40);
  });

  it('refuses five long key points under a long title and a long tip', () => {
    const fit = estimateLeaflet({
      title: 'Bài mẫu có tiêu đề rất dài để thử xem tờ rơi còn in vừa một trang giấy A4 hay không khi ý chính cũng dài',
      keyPoints: Array.from({ length: 5 }, () => LONG_POINT),
      tip: 'Lời khuyên này cũng dài hơn bình thường, kể thêm nhiều điều cần chú ý khi làm theo các bước ở trên, để thử giới hạn của tờ rơi một trang.',
      helpPhone: '113',
    });
    expect(fit.fits).toBe(false);
    expect(fit.heightMm).toBeGreaterThan(fit.availableMm);
  });

  it('measures lines with the print font: a point just under the column stays one line, a little longer wraps', () => {
    // 28.58 em of Noto Sans in a 28.64 em column: one line in Chromium (measured on the VNeID leaflet).
    expect(linesFor('Tin nhắn báo hồ sơ được duyệt thì mở VNeID, bấm kích hoạt.', 17, 186 - 14.2)).toBe(1);
    expect(linesFor('Tin nhắn báo hồ sơ được duyệt thì mở VNeID, bấm kích hoạt ngay.', 17, 186 - 14.2)).toBe(2);
  });

  it("sets a short leaflet in a larger type step, never smaller than today, and a full one at today's size", () => {
    const step = leafletStep(SHORT);
    expect(step).toBeGreaterThan(0);
    expect(estimateLeaflet(SHORT, LEAFLET_A4, step).fits).toBe(true);
    if (step < LEAFLET_STEPS.length - 1) expect(estimateLeaflet(SHORT, LEAFLET_A4, step + 1).heightMm).toBeGreaterThan(LEAFLET_A4.heightMm - 3);
    const full = { ...SHORT, keyPoints: [...SHORT.keyPoints, LONG_POINT, LONG_POINT], tip: `${SHORT.tip} ${LONG_POINT}` };
    expect(leafletStep({ ...full, title: `${full.title} ${LONG_POINT}` })).toBe(0);
  });

  it('leaflet.css has one class per type step, with the factors of LEAFLET_STEPS', () => {
    const css = readFileSync('src/styles/leaflet.css', 'utf8');
    const classes = [...css.matchAll(/\.lf-step-(\d+) \{ --k: calc\((\d+) \/ 17\); \}/g)].map((m) => [Number(m[1]), Number(m[2]) / 17]);
    expect(classes).toEqual(LEAFLET_STEPS.slice(1).map((k, index) => [index + 1, k]));
  });

  it('grows with every key point added', () => {
    const three = estimateLeaflet(SHORT).heightMm;
    const five = estimateLeaflet({ ...SHORT, keyPoints: [...SHORT.keyPoints, LONG_POINT, LONG_POINT] }).heightMm;
    expect(five).toBeGreaterThan(three + 20);
  });
});

describe('QR code', () => {
  it('carries the absolute lesson URL and decodes back to it', async () => {
    const url = qrPayload(routes.lesson('cai-dat-va-kich-hoat-vneid'), 'https://ban-so.example.org/');
    expect(url).toBe('https://ban-so.example.org/bai-hoc/cai-dat-va-kich-hoat-vneid/');
    expect(shortUrl(url)).toBe('ban-so.example.org/bai-hoc/cai-dat-va-kich-hoat-vneid');
    const svg = await qrSvg(url, 'Mã QR');
    expect(svg).toMatch(/^<svg class="qr" role="img" aria-label="Mã QR"/);
    const { data, info } = await sharp(Buffer.from(svg), { density: 300 }).flatten({ background: '#fff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const hit = jsQR(new Uint8ClampedArray(data), info.width, info.height);
    expect(hit?.data).toBe(url);
  });
});

describe('loudspeaker script', () => {
  const script = buildScript({
    title: 'Cảnh giác lừa đảo',
    message: ['Hơn 24.000 thuê bao. Từ 1/9 đến 31/12/2026 có 75% bà con cài VNeID.'],
    action: 'Gọi 113 khi bị doạ.',
    phone: '0912345678',
  });
  const read = script.sections.flatMap((s) => s.sentences).join(' ');

  it('opens with the station and "Kính thưa bà con", closes with "vừa phát", commune left blank', () => {
    expect(script.sections.map((s) => s.role)).toEqual(['opening', 'message', 'action', 'closing']);
    expect(script.sections[0]!.sentences).toEqual([`Đây là Đài truyền thanh xã ${COMMUNE_BLANK}.`, 'Kính thưa bà con.', 'Sau đây là tin: Cảnh giác lừa đảo.']);
    expect(script.sections[3]!.sentences[0]).toBe(`Đài truyền thanh xã ${COMMUNE_BLANK} vừa phát tin: Cảnh giác lừa đảo.`);
    expect(buildScript({ title: 'A b c', message: ['X y z.'], action: 'Làm.', commune: 'Đồng Văn' }).sections[0]!.sentences[0]).toBe('Đây là Đài truyền thanh xã Đồng Văn.');
  });

  it('ends with what to do, where and when (blanks for place, hour and day) and who helps, before the hotline', () => {
    const action = script.sections[2]!.sentences;
    expect(action[0]).toBe('Xin nhắc lại: Gọi một một ba khi bị doạ.');
    expect(action[1]).toBe(`Bà con cần giúp thì đến ${PLACE_BLANK}, lúc ${HOUR_BLANK} giờ, ngày ${DAY_BLANK}.`);
    expect(action[2]).toMatch(/^Tổ công nghệ số cộng đồng của thôn sẽ giúp/);
    expect(action[3]).toMatch(/^Khi cần giúp, bà con gọi số/);
  });

  it('turns every number into words and repeats the action and the phone', () => {
    expect(hasDigits(read)).toBe(false);
    expect(read).toContain('hai mươi tư nghìn');
    expect(read).toContain('mùng một tháng chín');
    expect(read).toContain('Xin nhắc lại: Gọi một một ba khi bị doạ.');
    expect(read.match(/không chín một hai, ba bốn năm, sáu bảy tám/g)).toHaveLength(2);
    expect(script.phonePrinted).toBe('0912 345 678');
  });

  it('states the reading time at the pace, which an editor can change', () => {
    expect(script.pace).toBe(190);
    expect(script.syllables).toBe(countSyllables(read));
    expect(script.seconds).toBe(Math.round((script.syllables / 190) * 60));
    const slower = buildScript({ title: 'Cảnh giác lừa đảo', message: ['Hơn 24.000 thuê bao.'], action: 'Gọi 113.', pace: 120 });
    const faster = buildScript({ title: 'Cảnh giác lừa đảo', message: ['Hơn 24.000 thuê bao.'], action: 'Gọi 113.', pace: 240 });
    expect(slower.seconds).toBe(faster.seconds * 2);
    expect(readingTimeLabel(70)).toEqual({ minutes: 1, seconds: 10 });
  });

  it('keeps an editor translation as written, split into paragraphs (fixture, not real content)', () => {
    // A placeholder in the shape of a translation: we never invent minority-language text.
    expect(translationParagraphs('Đoạn một của bản dịch mẫu.\n\nĐoạn hai  của\nbản dịch mẫu.')).toEqual(['Đoạn một của bản dịch mẫu.', 'Đoạn hai của bản dịch mẫu.']);
  });
});

describe('print routes and PDF jobs', () => {
  it('marks print variants, and only them', () => {
    expect(isPrintVariant(routes.leaflet('x'))).toBe(true);
    expect(isPrintVariant(routes.leafletA5('x'))).toBe(true);
    expect(isPrintVariant(routes.broadcast('x'))).toBe(true);
    expect(isPrintVariant(routes.meetingPack('x'))).toBe(true);
    expect(isPrintVariant(routes.campaignBroadcast('x'))).toBe(true);
    expect(isPrintVariant(routes.lesson('x'))).toBe(false);
    expect(isPrintVariant(routes.printCentre())).toBe(false);
  });

  it('prints a PDF for each leaflet, A5 sheet and meeting pack, not for scripts', () => {
    const jobs = pdfJobs(['bai-hoc/a/to-roi/', 'bai-hoc/a/to-roi-a5/', 'bai-hoc/a/phat-thanh/', 'bai-hoc/a/', 'chien-dich/c/hop-thon/']);
    expect(jobs.map((job) => job.pdf).sort()).toEqual([routes.leafletPdf('a'), routes.leafletA5Pdf('a'), routes.meetingPackPdf('c')].sort());
  });

  it('counts PDF pages and finds the content file of a page', () => {
    expect(pdfPageCount(Buffer.from('<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page /Parent 1 0 R >>'))).toBe(2);
    expect(sourceOf('<html lang="vi" data-print-variant="leaflet" data-source="content/lessons/a.mdx">')).toBe('content/lessons/a.mdx');
  });
});
