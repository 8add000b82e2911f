/**
 * Will a leaflet fit on one A4 page, and how large can its steps be? A pure estimate from the
 * text, run by the content check so an editor learns it from `npm run check` (file, field, what
 * to shorten) before any PDF is printed, and by the print pages to choose the type step
 * (leafletStep). The PDF step checks the real page count as well (src/lib/print/pdf.ts).
 *
 * The sizes mirror src/styles/leaflet.css (A4, in pt; the A5 copy is the same page scaled by
 * 1/√2, so it fits exactly when the A4 page fits). Lines are measured with Noto Sans's own
 * advance widths (src/lib/print/leaflet-widths.ts) and wrapped word by word as the browser does, with
 * a small margin so the estimate errs on the side of "too long".
 */
import { NOTO_SANS_WIDTHS } from './leaflet-widths.ts';

const PT = 0.3528; // mm per point
/** Measured widths are used as they are: Chromium lays the leaflet out with these advances (measured: a line 0.1 % short of the column stays one line). */
const WIDTH_MARGIN = 1;
/** A character missing from the table (another script) counts as a wide one. */
const UNKNOWN_EM = 0.75;

function widthTable(widths: Record<number, string>): Map<string, number> {
  const table = new Map<string, number>();
  for (const [width, chars] of Object.entries(widths)) for (const char of chars) table.set(char, Number(width) / 1000);
  return table;
}
const REGULAR = widthTable(NOTO_SANS_WIDTHS.regular);
const BOLD = widthTable(NOTO_SANS_WIDTHS.bold);

/** Width of a text in em of Noto Sans (regular or bold). */
export function textEm(text: string, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let em = 0;
  for (const char of text.normalize('NFC')) em += table.get(char) ?? UNKNOWN_EM;
  return em * WIDTH_MARGIN;
}

export const LEAFLET_A4 = {
  /** Printable height and width inside the @page margins (A4 minus 2 × 12 mm; the box is 272 mm). */
  heightMm: 272,
  widthMm: 186,
  /** "Bản Số · Tờ rơi hướng dẫn" with its rule. */
  brandMm: 7.4,
  titlePt: 28,
  pointPt: 17,
  /** A key point is at least as tall as its numbered circle (28 pt). */
  pointMinPt: 28,
  /** Room the step number takes at the start of a key point (40 pt). */
  pointIndentMm: 14.2,
  pointGapPt: 11,
  tipPt: 17,
  /** Tip box: padding and borders, across and down. */
  tipAcrossMm: 11,
  tipDownMm: 6.6,
  helpPt: 17,
  /** QR code (43 mm), two blank lines to hand-write the team and phone, date and source (one footer line). */
  bottomMm: 84,
  /** The footer's type size (a second footer line adds one line of it). */
  footPt: 12,
  /** "Đúng đến ngày <reviewed>" under the footer (issue 24): one more line of the 12 pt footer. */
  asOfMm: 12 * 0.3528 * 1.3,
  /** Space between the blocks (14 pt). */
  blockGapPt: 14,
  lineHeight: 1.3,
  titleLineHeight: 1.15,
} as const;

/**
 * Type steps of the leaflet's text (title, key points, tip, help line), as a factor of today's
 * sizes: key points 17, 18, … 25 pt (the title, the circles and the gaps grow with them). The
 * print page takes the largest that fits (leafletStep); the QR block, the blanks and the footer
 * keep their size, and what room is left spreads between the key points (leaflet.css), so the
 * page has no blank band. leaflet.css has one class per step (.lf-step-1 …) with the same
 * factors: change both together.
 */
export const LEAFLET_STEPS: readonly number[] = [17, 18, 19, 20, 21, 22, 23, 24, 25].map((pt) => pt / 17);

/** Room kept free below the estimate when choosing a step (the estimate may be a little short). */
export const STEP_MARGIN_MM = 3;

/** Words of "Lưu ý:" and "Số điện thoại hỗ trợ:" that open the tip and help lines (src/i18n/vi.ts). */
export interface LeafletLabels {
  tip: string;
  help: string;
}
const LABELS: LeafletLabels = { tip: 'Lưu ý:', help: 'Số điện thoại hỗ trợ:' };

export interface LeafletText {
  title: string;
  keyPoints: readonly string[];
  tip: string;
  helpPhone?: string | undefined;
  /** Who answers the help number ("Tổng đài báo cuộc gọi lừa đảo"), printed before it instead of the generic label. */
  helpLabel?: string | undefined;
  /** The footer's line "Cập nhật ngày … · Nguồn: … · host" (a long source name wraps it). */
  foot?: string | undefined;
  /** A translation's credit line above it. */
  credit?: string | undefined;
}

/**
 * Lines a text takes at a font size in a column width (at least one), wrapped word by word as
 * the browser does; `lead` is bold text before it on the first line ("Lưu ý: ").
 */
export function linesFor(text: string, fontPt: number, widthMm: number, bold = false, lead = ''): number {
  const lineEm = widthMm / (fontPt * PT);
  const space = textEm(' ', bold);
  let lines = 1;
  let used = lead ? textEm(lead, true) + space : 0;
  for (const word of text.trim().split(/\s+/)) {
    const width = textEm(word, bold);
    const needed = used === 0 ? width : used + space + width;
    if (needed <= lineEm) used = needed;
    else {
      if (used > 0) lines += 1;
      // A word longer than the line breaks inside it (overflow-wrap).
      lines += Math.floor(Math.max(0, width - 1e-9) / lineEm);
      used = width % lineEm || lineEm;
    }
  }
  return lines;
}

const lineMm = (pt: number, factor: number = LEAFLET_A4.lineHeight): number => pt * PT * factor;

export interface LeafletFit {
  fits: boolean;
  /** Estimated height of the content, mm. */
  heightMm: number;
  /** What one A4 page holds, mm. */
  availableMm: number;
  /** Height the key points alone take, mm (what an editor can shorten). */
  keyPointsMm: number;
}

/** The estimate at a type step (0: today's sizes). */
export function estimateLeaflet(text: LeafletText, layout = LEAFLET_A4, step = 0, labels: LeafletLabels = LABELS): LeafletFit {
  const k = LEAFLET_STEPS[step] ?? 1;
  const w = layout.widthMm;
  const titlePt = layout.titlePt * k;
  const pointPt = layout.pointPt * k;
  const title = linesFor(text.title, titlePt, w, true) * lineMm(titlePt, layout.titleLineHeight);
  const exact =
    text.keyPoints.reduce((sum, point) => {
      const lines = linesFor(point, pointPt, w - layout.pointIndentMm * k) * lineMm(pointPt);
      return sum + Math.max(lines, layout.pointMinPt * k * PT);
    }, 0) +
    Math.max(0, text.keyPoints.length - 1) * layout.pointGapPt * k * PT;
  const tipPt = layout.tipPt * k;
  const tip = linesFor(text.tip, tipPt, w - layout.tipAcrossMm, false, labels.tip) * lineMm(tipPt) + layout.tipDownMm;
  const helpPt = layout.helpPt * k;
  const help = text.helpPhone ? linesFor(text.helpPhone, helpPt, w, true, text.helpLabel ? `${text.helpLabel}:` : labels.help) * lineMm(helpPt) : 0;
  const blocks = text.helpPhone ? 6 : 5;
  const footLines = (text.foot ? linesFor(text.foot, layout.footPt, w) : 1) + (text.credit ? linesFor(text.credit, layout.footPt, w) : 0);
  const bottom = layout.bottomMm + (footLines - 1) * lineMm(layout.footPt);
  const heightMm = layout.brandMm + title + exact + tip + help + bottom + layout.asOfMm + (blocks - 1) * layout.blockGapPt * PT;
  return { fits: heightMm <= layout.heightMm, heightMm: Math.round(heightMm), availableMm: layout.heightMm, keyPointsMm: Math.round(exact) };
}

/**
 * The largest type step whose estimate fits the page with STEP_MARGIN_MM to spare; never below
 * step 0 (today's sizes), even for a leaflet that barely fits.
 */
export function leafletStep(text: LeafletText, layout = LEAFLET_A4): number {
  let best = 0;
  for (let step = 1; step < LEAFLET_STEPS.length; step += 1) {
    if (estimateLeaflet(text, layout, step).heightMm <= layout.heightMm - STEP_MARGIN_MM) best = step;
  }
  return best;
}
