/**
 * Will a leaflet fit on one A4 page? A pure estimate from the text lengths, run by the content
 * check so an editor learns it from `npm run check` (file, field, what to shorten) before any
 * PDF is printed. The PDF step checks the real page count as well (src/lib/pdf.ts).
 *
 * The sizes mirror src/styles/leaflet.css (A4, in pt; the A5 copy is the same page scaled by
 * 1/√2, so it fits exactly when the A4 page fits). Character widths are Noto Sans averages,
 * rounded up so the estimate errs on the side of "too long".
 */

const PT = 0.3528; // mm per point
/** Average advance of a character, in em, with a margin for word wrapping. */
const CHAR_EM = 0.5;
/** Bold headline characters are wider. */
const BOLD_CHAR_EM = 0.58;

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
  /** Room the step number takes at the start of a key point. */
  pointIndentMm: 14.2,
  pointGapPt: 11,
  tipPt: 17,
  /** Tip box: padding and borders, across and down. */
  tipAcrossMm: 11,
  tipDownMm: 6.6,
  helpPt: 17,
  /** QR code (43 mm), two blank lines to hand-write the team and phone, date and source. */
  bottomMm: 84,
  /** "Đúng đến ngày <reviewed>" under the footer (issue 24): one more line of the 12 pt footer. */
  asOfMm: 12 * 0.3528 * 1.3,
  /** Space between the blocks (14 pt). */
  blockGapPt: 14,
  lineHeight: 1.3,
  titleLineHeight: 1.15,
} as const;

export interface LeafletText {
  title: string;
  keyPoints: readonly string[];
  tip: string;
  helpPhone?: string | undefined;
}

/** Lines a text takes at a font size in a column width (at least one). */
export function linesFor(text: string, fontPt: number, widthMm: number, charEm: number = CHAR_EM): number {
  const perLine = Math.max(1, Math.floor(widthMm / (fontPt * PT * charEm)));
  // Wrap word by word, as the browser does: a long word starts a new line.
  let lines = 1;
  let used = 0;
  for (const word of text.trim().split(/\s+/)) {
    const length = [...word].length;
    const needed = used === 0 ? length : used + 1 + length;
    if (needed <= perLine) used = needed;
    else {
      lines += used === 0 ? 0 : 1;
      lines += Math.floor(Math.max(0, length - 1) / perLine);
      used = length % perLine || perLine;
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

export function estimateLeaflet(text: LeafletText, layout = LEAFLET_A4): LeafletFit {
  const w = layout.widthMm;
  const title = linesFor(text.title, layout.titlePt, w, BOLD_CHAR_EM) * lineMm(layout.titlePt, layout.titleLineHeight);
  const keyPointsMm =
    text.keyPoints.reduce((sum, point) => {
      const lines = linesFor(point, layout.pointPt, w - layout.pointIndentMm) * lineMm(layout.pointPt);
      return sum + Math.max(lines, layout.pointMinPt * PT);
    }, 0) +
    Math.max(0, text.keyPoints.length - 1) * layout.pointGapPt * PT;
  const tip = linesFor(text.tip, layout.tipPt, w - layout.tipAcrossMm) * lineMm(layout.tipPt) + layout.tipDownMm;
  const help = text.helpPhone ? lineMm(layout.helpPt) : 0;
  const blocks = text.helpPhone ? 6 : 5;
  const heightMm = layout.brandMm + title + keyPointsMm + tip + help + layout.bottomMm + layout.asOfMm + (blocks - 1) * layout.blockGapPt * PT;
  return { fits: heightMm <= layout.heightMm, heightMm: Math.round(heightMm), availableMm: layout.heightMm, keyPointsMm: Math.round(keyPointsMm) };
}
