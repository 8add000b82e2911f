import { escapeHtml } from '../text.ts';
/**
 * Indicator charts drawn at build time as inline SVG: no charting JavaScript in the browser.
 *
 * Each chart function turns figures into a small model (shapes in viewBox units), which
 * unit tests check for geometry, and `chartToSvg` writes that model as an SVG string.
 * Charts are black-and-white safe: solid near-black bars on a white track with a grey
 * outline, a dashed black target line, and every value written as text on or beside its
 * bar, so nothing is told by colour alone. The viewBox is 340 units wide and the SVG is
 * drawn at 100% of its container: with 16-unit text, a 360 px phone (328 px of content)
 * shows text at about 15.4 px, never below 12 px.
 */

export const CHART_WIDTH = 340;
const FONT = 16;
const LINE = 20;
const BAR = 26;
const GAP = 14;
/** Average advance of one character at FONT size, for wrapping and fitting labels. */
const CHAR = FONT * 0.56;
const INK = '#1a1a1a';
const TRACK_EDGE = '#6b6b6b';
const GRID = '#b5b5b5';

export type Shape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string; stroke?: string | undefined }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dashed?: boolean | undefined }
  | { kind: 'circle'; cx: number; cy: number; r: number }
  | { kind: 'path'; d: string }
  | { kind: 'text'; x: number; y: number; text: string; anchor?: 'start' | 'middle' | 'end' | undefined; bold?: boolean | undefined; fill?: string | undefined };

export interface ChartModel {
  width: number;
  height: number;
  /** Short name of the chart (SVG <title>). */
  title: string;
  /** The whole chart in words (SVG <desc>): what a screen reader reads. */
  description: string;
  shapes: Shape[];
}

/** One bar toward a target: "gần 40%" of 100%, target 80%. */
export interface ProgressItem {
  label: string;
  value: number;
  /** The value as readers write it ("gần 40%"). */
  valueText: string;
  target?: number | undefined;
  targetText?: string | undefined;
}

/** One dated figure of a series. */
export interface SeriesPoint {
  date: Date;
  dateText: string;
  value: number;
  valueText: string;
}

/** One place's figure for a metric. */
export interface ComparisonItem {
  label: string;
  value: number;
  valueText: string;
}

const round = (value: number): number => Math.round(value * 10) / 10;

/**
 * The smallest "nice" number (1, 2, 2.5, 5 × 10ⁿ) at or above value, for axis ends.
 * 86 → 100, 24 000 → 25 000, 0.7 → 1; 0 or less → 1.
 */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= value - 1e-9) return step * power;
  }
  return 10 * power;
}

/** Five evenly spaced axis ticks from 0 to max (four intervals). */
export function axisTicks(max: number): number[] {
  const count = 4;
  return Array.from({ length: count + 1 }, (_, index) => round((max / count) * index));
}

/** Split a label into lines of at most `width` units, at spaces. */
export function wrapText(text: string, width: number, charWidth = CHAR): string[] {
  const perLine = Math.max(8, Math.floor(width / charWidth));
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (next.length > perLine && current) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

const textWidth = (text: string): number => text.length * CHAR;

/**
 * Where a value label goes: inside the bar's end in white when it fits, otherwise just
 * after the bar in black (moved left of the track end if it would overflow).
 */
function valueLabel(barEnd: number, y: number, text: string, trackEnd: number): Shape {
  const width = textWidth(text);
  if (barEnd - 8 >= width + 4) return { kind: 'text', x: round(barEnd - 8), y, text, anchor: 'end', bold: true, fill: '#fff' };
  const x = Math.min(barEnd + 8, trackEnd - width);
  return { kind: 'text', x: round(x), y, text, bold: true };
}

/**
 * Progress toward a target: one horizontal bar per figure on a 0–100% track (or up to the
 * largest value or target when one goes above 100), with the target as a dashed line and
 * "Mục tiêu …" written under it. Returns undefined when there is nothing to draw.
 */
export function progressChart(items: readonly ProgressItem[], options: { title: string; targetWord: string; scaleMax?: number | undefined }): ChartModel | undefined {
  if (items.length === 0) return undefined;
  const largest = Math.max(...items.map((item) => Math.max(item.value, item.target ?? 0)));
  const max = options.scaleMax !== undefined ? Math.max(options.scaleMax, largest) : niceCeiling(largest);
  const left = 0;
  const right = CHART_WIDTH - 1;
  const span = right - left;
  const xOf = (value: number): number => round(left + (Math.max(0, value) / max) * span);
  const shapes: Shape[] = [];
  let y = 0;
  const sentences: string[] = [];
  for (const item of items) {
    for (const line of wrapText(item.label, CHART_WIDTH)) {
      y += LINE;
      shapes.push({ kind: 'text', x: 0, y, text: line, bold: true });
    }
    y += 6;
    const barTop = y;
    shapes.push({ kind: 'rect', x: left, y: barTop, width: span, height: BAR, fill: '#fff', stroke: TRACK_EDGE });
    const end = xOf(item.value);
    if (end > left) shapes.push({ kind: 'rect', x: left, y: barTop, width: round(end - left), height: BAR, fill: INK });
    shapes.push(valueLabel(end, round(barTop + BAR / 2 + FONT * 0.35), item.valueText, right));
    y = barTop + BAR;
    if (item.target !== undefined) {
      const tx = xOf(item.target);
      shapes.push({ kind: 'line', x1: tx, y1: barTop - 5, x2: tx, y2: y + 6, stroke: INK, width: 3, dashed: true });
      const text = `${options.targetWord} ${item.targetText ?? String(item.target)}`;
      const width = textWidth(text);
      const anchor = tx + width / 2 > CHART_WIDTH ? 'end' : tx - width / 2 < 0 ? 'start' : 'middle';
      y += LINE;
      shapes.push({ kind: 'text', x: tx, y, text, anchor });
      sentences.push(`${item.label}: ${item.valueText}, ${options.targetWord.toLowerCase()} ${item.targetText ?? item.target}.`);
    } else sentences.push(`${item.label}: ${item.valueText}.`);
    y += GAP;
  }
  return { width: CHART_WIDTH, height: round(y), title: options.title, description: sentences.join(' '), shapes };
}

/**
 * A value over time: dated points joined by a line, each with its value written above it,
 * on a y axis from 0 to a nice ceiling. One point is drawn in the middle (nothing to join);
 * an empty series gives undefined.
 */
export function timeChart(points: readonly SeriesPoint[], options: { title: string; label: string }): ChartModel | undefined {
  if (points.length === 0) return undefined;
  const sorted = [...points].sort((a, b) => a.date.getTime() - b.date.getTime());
  const max = niceCeiling(Math.max(...sorted.map((point) => point.value)));
  const ticks = axisTicks(max);
  const tickTexts = ticks.map((tick) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(tick));
  const left = round(Math.max(...tickTexts.map(textWidth)) + 10);
  const right = CHART_WIDTH - 40;
  const top = 30;
  const bottom = 200;
  const height = bottom + 2 * LINE + 6;
  const yOf = (value: number): number => round(bottom - (value / max) * (bottom - top));
  const first = sorted[0]!.date.getTime();
  const last = sorted[sorted.length - 1]!.date.getTime();
  const xOf = (date: Date): number => (last === first ? round((left + right) / 2) : round(left + ((date.getTime() - first) / (last - first)) * (right - left)));
  const shapes: Shape[] = [];
  ticks.forEach((tick, index) => {
    const y = yOf(tick);
    shapes.push({ kind: 'line', x1: left, y1: y, x2: right, y2: y, stroke: index === 0 ? INK : GRID, width: index === 0 ? 2 : 1 });
    shapes.push({ kind: 'text', x: left - 6, y: round(y + FONT * 0.35), text: tickTexts[index]!, anchor: 'end' });
  });
  if (sorted.length > 1) {
    shapes.push({ kind: 'path', d: `M${sorted.map((point) => `${xOf(point.date)} ${yOf(point.value)}`).join('L')}` });
  }
  sorted.forEach((point, index) => {
    const x = xOf(point.date);
    const y = yOf(point.value);
    shapes.push({ kind: 'circle', cx: x, cy: y, r: 6 });
    shapes.push({ kind: 'text', x, y: round(y - 12), text: point.valueText, anchor: 'middle', bold: true });
    // Dates alternate between two lines so neighbouring labels never overlap.
    const anchor = sorted.length === 1 ? 'middle' : index === 0 ? 'start' : index === sorted.length - 1 ? 'end' : 'middle';
    shapes.push({ kind: 'text', x, y: bottom + LINE + (index % 2) * LINE, text: point.dateText, anchor });
  });
  const description = `${options.label}: ${sorted.map((point) => `${point.valueText} (${point.dateText})`).join(', ')}.`;
  return { width: CHART_WIDTH, height, title: options.title, description, shapes };
}

/**
 * One metric compared between places: a horizontal bar per place, largest first, each
 * with the place name above and the value on the bar. Empty input gives undefined.
 */
export function comparisonChart(items: readonly ComparisonItem[], options: { title: string; label: string; scaleMax?: number | undefined }): ChartModel | undefined {
  if (items.length === 0) return undefined;
  const sorted = [...items].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'vi'));
  const largest = Math.max(...sorted.map((item) => item.value));
  const max = options.scaleMax !== undefined ? Math.max(options.scaleMax, largest) : niceCeiling(largest);
  const right = CHART_WIDTH - 1;
  const shapes: Shape[] = [];
  let y = 0;
  for (const item of sorted) {
    for (const line of wrapText(item.label, CHART_WIDTH)) {
      y += LINE;
      shapes.push({ kind: 'text', x: 0, y, text: line, bold: true });
    }
    y += 6;
    const end = round((Math.max(0, item.value) / max) * right);
    shapes.push({ kind: 'rect', x: 0, y, width: right, height: BAR, fill: '#fff', stroke: TRACK_EDGE });
    if (end > 0) shapes.push({ kind: 'rect', x: 0, y, width: end, height: BAR, fill: INK });
    shapes.push(valueLabel(end, round(y + BAR / 2 + FONT * 0.35), item.valueText, right));
    y += BAR + GAP;
  }
  // The scale under the bars: 0, half and the end, so a bar's length can be read.
  const format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
  shapes.push({ kind: 'line', x1: 0, y1: y, x2: right, y2: y, stroke: INK, width: 1 });
  y += LINE;
  shapes.push({ kind: 'text', x: 0, y, text: format.format(0) });
  shapes.push({ kind: 'text', x: round(right / 2), y, text: format.format(max / 2), anchor: 'middle' });
  shapes.push({ kind: 'text', x: right, y, text: format.format(max), anchor: 'end' });
  y += 6;
  const description = `${options.label}: ${sorted.map((item) => `${item.label} ${item.valueText}`).join('; ')}.`;
  return { width: CHART_WIDTH, height: round(y), title: options.title, description, shapes };
}

function shapeToSvg(shape: Shape): string {
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" fill="${shape.fill}"${shape.stroke ? ` stroke="${shape.stroke}"` : ''}/>`;
    case 'line':
      return `<line x1="${shape.x1}" y1="${shape.y1}" x2="${shape.x2}" y2="${shape.y2}" stroke="${shape.stroke}" stroke-width="${shape.width}"${shape.dashed ? ' stroke-dasharray="6 4"' : ''}/>`;
    case 'circle':
      return `<circle cx="${shape.cx}" cy="${shape.cy}" r="${shape.r}" fill="#fff" stroke="${INK}" stroke-width="3"/>`;
    case 'path':
      return `<path d="${shape.d}" fill="none" stroke="${INK}" stroke-width="3"/>`;
    case 'text': {
      const anchor = shape.anchor && shape.anchor !== 'start' ? ` text-anchor="${shape.anchor}"` : '';
      const bold = shape.bold ? ' font-weight="700"' : '';
      const fill = shape.fill ? ` fill="${shape.fill}"` : '';
      return `<text x="${shape.x}" y="${shape.y}"${anchor}${bold}${fill}>${escapeHtml(shape.text)}</text>`;
    }
  }
}

/**
 * The model as an SVG string with role="img", a <title> and a <desc> named by
 * aria-labelledby. `id` must be unique on the page.
 */
export function chartToSvg(chart: ChartModel, id: string): string {
  const body = chart.shapes.map(shapeToSvg).join('');
  return (
    `<svg class="chart" viewBox="0 0 ${chart.width} ${chart.height}" width="${chart.width}" height="${chart.height}" role="img" aria-labelledby="${id}-t ${id}-d" font-size="${FONT}" fill="${INK}">` +
    `<title id="${id}-t">${escapeHtml(chart.title)}</title><desc id="${id}-d">${escapeHtml(chart.description)}</desc>${body}</svg>`
  );
}
