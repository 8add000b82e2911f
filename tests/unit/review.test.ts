// Issue 24: sources and the day a lesson was last checked — what the editor is warned about, what
// the reader is told, how residents report a mistake, and what the leaflet and the script say.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildScript } from '../../src/lib/print/broadcast.ts';
import { addMonths, checkReviews, dueForReview, reviewAsOf, reviewStatus, TEMPLATE_SOURCE_URL, type ReviewedEntry } from '../../src/lib/content/review.ts';
import { isoDate } from '../../src/lib/dates.ts';
import { estimateLeaflet, LEAFLET_A4 } from '../../src/lib/print/leaflet-fit.ts';
import { reportLinks } from '../../src/lib/contact/report.ts';
import { reportPhone, reportZalo } from '../../src/lib/site.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const NOW = new Date('2026-11-25T12:00:00Z');
const NO_EPOCH = {};

function lesson(parsed: Record<string, unknown>, file = 'content/lessons/bai.mdx'): ReviewedEntry {
  return { collection: 'lessons', file, parsed, lineOf: (path) => (path[0] === 'reviewed' ? 7 : path[0] === 'sources' ? 9 : undefined) };
}

describe('months', () => {
  it("adds calendar months, keeping the day or the month's last day", () => {
    expect(isoDate(addMonths(day('2025-05-02'), 6))).toBe('2025-11-02');
    expect(isoDate(addMonths(day('2025-08-31'), 6))).toBe('2026-02-28');
    expect(isoDate(addMonths(day('2024-11-02'), 12))).toBe('2025-11-02');
  });

  it('judge a lesson as of SOURCE_DATE_EPOCH when set, else now (a day in Vietnam)', () => {
    expect(isoDate(reviewAsOf(NOW, { SOURCE_DATE_EPOCH: '1764633600' }))).toBe('2025-12-02');
    expect(isoDate(reviewAsOf(NOW, NO_EPOCH))).toBe('2026-11-25');
    expect(isoDate(reviewAsOf(new Date('2026-11-25T18:00:00Z'), NO_EPOCH))).toBe('2026-11-26');
  });
});

describe('review status', () => {
  const asOf = day('2025-12-02');
  it('is due after six months and told to readers after twelve', () => {
    expect(reviewStatus(day('2025-06-02'), asOf)).toEqual({ due: false, notice: false });
    expect(reviewStatus(day('2025-05-02'), asOf)).toEqual({ due: true, notice: false });
    expect(reviewStatus(day('2024-12-02'), asOf)).toEqual({ due: true, notice: false });
    expect(reviewStatus(day('2024-11-02'), asOf)).toEqual({ due: true, notice: true });
    expect(reviewStatus(undefined, asOf)).toEqual({ due: false, notice: false });
  });

  it('lists lessons due for review oldest first', () => {
    const lessons = [
      { title: 'Mới', reviewed: day('2025-11-01') },
      { title: 'Bảy tháng', reviewed: day('2025-05-02') },
      { title: 'Chưa ghi', reviewed: undefined },
      { title: 'Mười ba tháng', reviewed: day('2024-11-02') },
    ];
    expect(dueForReview(lessons, asOf).map((l) => l.title)).toEqual(['Mười ba tháng', 'Bảy tháng']);
  });
});

describe('the check', () => {
  it('warns (never fails) on a lesson unchecked for more than six months at SOURCE_DATE_EPOCH', () => {
    const { problems, warnings } = checkReviews([lesson({ reviewed: day('2025-05-02') })], NOW, { SOURCE_DATE_EPOCH: '1764633600' });
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      {
        file: 'content/lessons/bai.mdx',
        line: 7,
        field: 'reviewed',
        message: 'bài chưa được kiểm tra lại từ 2/5/2025, đã hơn 6 tháng (tính đến 2/12/2025)',
        fix: 'Làm thử lại từng bước trên ứng dụng hay ở cơ quan thật, đọc lại các nguồn, sửa bài nếu cần, rồi ghi ngày hôm đó vào "reviewed:".',
      },
    ]);
  });

  it('says nothing of a lesson checked recently, or of other collections', () => {
    expect(checkReviews([lesson({ reviewed: day('2026-11-10') }), { ...lesson({ reviewed: day('2020-01-01') }), collection: 'news' }], NOW, NO_EPOCH)).toEqual({ problems: [], warnings: [] });
  });

  it('refuses a check dated after today, with what to write instead', () => {
    const { problems } = checkReviews([lesson({ reviewed: day('2026-11-26') })], NOW, { SOURCE_DATE_EPOCH: '1764633600' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/lessons/bai.mdx', line: 7, field: 'reviewed', message: 'ngày 2026-11-26 còn ở tương lai (hôm nay là 2026-11-25)' });
    expect(problems[0]!.fix).toMatch(/thật sự làm thử lại/);
  });

  it("warns while a source is still the template's example address, which the template really uses", () => {
    expect(readFileSync('scripts/templates/lesson.mdx', 'utf8')).toContain(`url: ${TEMPLATE_SOURCE_URL}\n`);
    const { warnings } = checkReviews([lesson({ reviewed: day('2026-11-20'), sources: [{ url: TEMPLATE_SOURCE_URL }] })], NOW, NO_EPOCH);
    expect(warnings.map((w) => `${w.field} — ${w.message}`)).toEqual([`sources[0].url — "${TEMPLATE_SOURCE_URL}" là địa chỉ mẫu, chưa phải nguồn thật`]);
  });
});

describe('"Báo nội dung sai"', () => {
  const input = { pageUrl: 'https://ban-so.example.org/bai-hoc/tra-tien-dien/', title: 'Trả tiền điện & nước?', repoUrl: 'https://github.com/ban-so/ban-so' };

  it('opens a prefilled issue with the page address and title, URL-encoded', () => {
    const links = reportLinks(input);
    const url = new URL(links.issue);
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/ban-so/ban-so/issues/new');
    expect(url.searchParams.get('title')).toBe('Nội dung sai: Trả tiền điện & nước?');
    expect(url.searchParams.get('body')).toContain('Trang: https://ban-so.example.org/bai-hoc/tra-tien-dien/\nBài: Trả tiền điện & nước?');
    expect(links.issue).toContain(encodeURIComponent('https://ban-so.example.org/bai-hoc/tra-tien-dien/'));
  });

  it('shows no phone and no Zalo when none is configured: no default number', () => {
    expect(reportPhone({})).toBeUndefined();
    expect(reportZalo({})).toBeUndefined();
    expect(reportLinks(input)).toMatchObject({ phone: undefined, zalo: undefined });
  });

  it('calls and messages the configured team: tel: and a plain zalo.me link', () => {
    const env = { REPORT_PHONE: '0912 345 678' };
    const links = reportLinks({ ...input, phone: reportPhone(env), zalo: reportZalo(env) });
    expect(links.phone).toEqual({ href: 'tel:0912345678', text: '0912 345 678' });
    expect(links.zalo).toBe('https://zalo.me/0912345678');
    expect(reportZalo({ REPORT_PHONE: '0912345678', REPORT_ZALO: '+84 987 654 321' })).toBe('+84987654321');
    expect(reportLinks({ ...input, zalo: '+84987654321' }).zalo).toBe('https://zalo.me/84987654321');
  });

  it('stops on a setting that is not a phone number', () => {
    expect(() => reportPhone({ REPORT_PHONE: 'gọi tổ biên tập' })).toThrow(/REPORT_PHONE="gọi tổ biên tập" không phải số điện thoại/);
  });
});

describe('print and loudspeaker', () => {
  it('the leaflet estimate includes the "Đúng đến ngày" line', () => {
    const text = { title: 'Bài ngắn', keyPoints: ['Một.', 'Hai.', 'Ba.'], tip: 'Một lời khuyên ngắn.' };
    const without = estimateLeaflet(text, { ...LEAFLET_A4, asOfMm: 0 }).heightMm;
    expect(estimateLeaflet(text).heightMm - without).toBeGreaterThanOrEqual(5);
  });

  it('the script closes by naming where the facts come from, in words', () => {
    const script = buildScript({ title: 'Trả tiền điện', message: ['Quét mã QR.'], action: 'Quét mã QR.', source: 'Tổng công ty Điện lực miền Bắc và Báo Quảng Ninh' });
    const closing = script.sections.at(-1)!.sentences;
    expect(closing).toContain('Thông tin trong bài lấy từ Tổng công ty Điện lực miền Bắc và Báo Quảng Ninh.');
    expect(
      buildScript({ title: 'A', message: ['B.'], action: 'C.' })
        .sections.at(-1)!
        .sentences.join(' '),
    ).not.toContain('lấy từ');
  });
});
