import { describe, expect, it } from 'vitest';
import { axisTicks, CHART_WIDTH, chartToSvg, comparisonChart, niceCeiling, progressChart, timeChart, wrapText, type ChartModel, type Shape } from '../../src/lib/places/charts.ts';

type Rect = Extract<Shape, { kind: 'rect' }>;
type Text = Extract<Shape, { kind: 'text' }>;
type Line = Extract<Shape, { kind: 'line' }>;
const bars = (chart: ChartModel): Rect[] => chart.shapes.filter((s): s is Rect => s.kind === 'rect' && s.fill !== '#fff');
const tracks = (chart: ChartModel): Rect[] => chart.shapes.filter((s): s is Rect => s.kind === 'rect' && s.fill === '#fff');
const texts = (chart: ChartModel): Text[] => chart.shapes.filter((s): s is Text => s.kind === 'text');
const textOf = (chart: ChartModel, text: string): Text | undefined => texts(chart).find((s) => s.text === text);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('axis helpers', () => {
  it('rounds axis ends up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([86, 100, 24000, 0.7, 101, 3, 0, -5].map(niceCeiling)).toEqual([100, 100, 25000, 1, 200, 5, 1, 1]);
  });
  it('gives five evenly spaced ticks from zero', () => {
    expect(axisTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(axisTicks(2.5)).toEqual([0, 0.6, 1.3, 1.9, 2.5]);
  });
  it('wraps long labels at spaces (15 characters a line at 120 units / 8 per character)', () => {
    expect(wrapText('Người trưởng thành có thuê bao di động', 120, 8)).toEqual(['Người trưởng', 'thành có thuê', 'bao di động']);
    expect(wrapText('Ngắn', 400)).toEqual(['Ngắn']);
  });
});

describe('progress toward a target', () => {
  const chart = progressChart(
    [
      { label: 'Giao dịch không dùng tiền mặt', value: 40, valueText: 'gần 40%', target: 80, targetText: '80%' },
      { label: 'Trường dùng học bạ điện tử', value: 100, valueText: '100%', target: 100, targetText: '100%' },
    ],
    { title: 'Tỷ lệ và mục tiêu', targetWord: 'Mục tiêu', scaleMax: 100 },
  )!;

  it('draws each bar in proportion to a 0–100% track and the target as a dashed line', () => {
    const [track] = tracks(chart);
    expect(track).toMatchObject({ x: 0, width: CHART_WIDTH - 1 });
    expect(bars(chart).map((bar) => bar.width)).toEqual([135.6, 339]); // 40% and 100% of a 339-unit track;
    const targets = chart.shapes.filter((s): s is Line => s.kind === 'line' && s.dashed === true);
    expect(targets.map((line) => line.x1)).toEqual([271.2, 339]);
    // The target line crosses its bar.
    const bar = bars(chart)[0]!;
    expect(targets[0]!.y1).toBeLessThan(bar.y);
    expect(targets[0]!.y2).toBeGreaterThan(bar.y + bar.height);
  });

  it('writes every value and target as text (nothing told by colour alone)', () => {
    expect(textOf(chart, 'gần 40%')).toBeDefined();
    expect(textOf(chart, 'Mục tiêu 80%')).toMatchObject({ anchor: 'middle', x: 271.2 });
    // A target at the right edge is anchored at its end so it stays inside the chart.
    expect(textOf(chart, 'Mục tiêu 100%')).toMatchObject({ anchor: 'end' });
    // A full bar has room for its value inside, in white; the 40% bar too.
    expect(textOf(chart, '100%')).toMatchObject({ fill: '#fff', anchor: 'end' });
    expect(chart.description).toBe('Giao dịch không dùng tiền mặt: gần 40%, mục tiêu 80%. Trường dùng học bạ điện tử: 100%, mục tiêu 100%.');
  });

  it('puts a short bar’s value after the bar, in black', () => {
    const small = progressChart([{ label: 'A', value: 3, valueText: '3%' }], { title: 't', targetWord: 'Mục tiêu', scaleMax: 100 })!;
    const label = textOf(small, '3%')!;
    expect(label.fill).toBeUndefined();
    expect(label.x).toBeGreaterThan(bars(small)[0]!.width);
  });

  it('stretches the scale when a value goes above the target and above 100%', () => {
    const over = progressChart([{ label: 'Vượt', value: 125, valueText: '125%', target: 100, targetText: '100%' }], { title: 't', targetWord: 'Mục tiêu', scaleMax: 100 })!;
    expect(bars(over)[0]!.width).toBe(339);
    const target = over.shapes.find((s): s is Line => s.kind === 'line')!;
    // 100 of a 0–125 scale: 339 × 0.8.
    expect(target.x1).toBe(271.2);
    expect(bars(over)[0]!.width).toBeLessThanOrEqual(tracks(over)[0]!.width);
  });

  it('places non-integer percentages exactly (to a tenth of a unit)', () => {
    const exact = progressChart([{ label: 'Tày', value: 51.3, valueText: '51,3%' }], { title: 't', targetWord: 'Mục tiêu', scaleMax: 100 })!;
    expect(bars(exact)[0]!.width).toBe(173.9); // 339 × 0.513;
    expect(textOf(exact, '51,3%')).toBeDefined();
  });

  it('draws nothing for no figures', () => {
    expect(progressChart([], { title: 't', targetWord: 'Mục tiêu' })).toBeUndefined();
  });
});

describe('value over time', () => {
  const point = (iso: string, value: number) => ({ date: day(iso), dateText: iso, value, valueText: String(value) });

  it('places points by date and value on a 0–nice-ceiling axis, joined by a line', () => {
    const chart = timeChart([point('2025-01-01', 60), point('2024-01-01', 20), point('2026-01-01', 86)], { title: 't', label: 'Tổ' })!;
    // Tick labels sit left of the plot, which starts 10 units past the widest tick ("100": 3 × 8.96).
    const ticks = texts(chart)
      .filter((t) => t.anchor === 'end' && t.x < 36.9)
      .map((t) => t.text);
    expect(ticks).toEqual(['0', '25', '50', '75', '100']);
    const circles = chart.shapes.filter((s) => s.kind === 'circle');
    // Sorted by date: the first point is at the left end of the plot, the last at the right.
    // left = 3 × 8.96 + 10 ≈ 36.9, right = 300; 2025-01-01 is 366 of 731 days along.
    expect(circles.map((c) => c.cx)).toEqual([36.9, 168.6, 300]);
    expect(circles.map((c) => c.cy)).toEqual([166, 98, 53.8]);
    const path = chart.shapes.find((s) => s.kind === 'path');
    expect(path).toEqual({ kind: 'path', d: 'M36.9 166L168.6 98L300 53.8' });
    expect(chart.description).toBe('Tổ: 20 (2024-01-01), 60 (2025-01-01), 86 (2026-01-01).');
  });

  it('draws a single point in the middle with its value and date, and no line', () => {
    const chart = timeChart([point('2025-06-30', 86)], { title: 't', label: 'Tổ' })!;
    const circles = chart.shapes.filter((s) => s.kind === 'circle');
    expect(circles).toHaveLength(1);
    expect(circles[0]!.cx).toBe(168.5); // (36.9 + 300) / 2;
    expect(chart.shapes.some((s) => s.kind === 'path')).toBe(false);
    expect(textOf(chart, '86')).toBeDefined();
    expect(textOf(chart, '2025-06-30')).toMatchObject({ anchor: 'middle' });
  });

  it('draws nothing for an empty series', () => {
    expect(timeChart([], { title: 't', label: 'x' })).toBeUndefined();
  });
});

describe('comparison between places', () => {
  it('sorts places largest first with bars in proportion to a shared scale', () => {
    const chart = comparisonChart(
      [
        { label: 'Huyện Tiên Yên (cũ)', value: 85, valueText: '85' },
        { label: 'Huyện Bình Liêu (cũ)', value: 86, valueText: '86' },
      ],
      { title: 't', label: 'Tổ công nghệ số cộng đồng' },
    )!;
    expect(
      texts(chart)
        .filter((t) => t.bold && !t.fill && /Huyện/.test(t.text))
        .map((t) => t.text),
    ).toEqual(['Huyện Bình Liêu (cũ)', 'Huyện Tiên Yên (cũ)']);
    expect(bars(chart).map((bar) => bar.width)).toEqual([291.5, 288.2]); // 86 and 85 of 100 on 339 units;
    expect(chart.description).toBe('Tổ công nghệ số cộng đồng: Huyện Bình Liêu (cũ) 86; Huyện Tiên Yên (cũ) 85.');
    // A scale under the bars: 0, 50 and 100.
    expect(
      texts(chart)
        .slice(-3)
        .map((t) => t.text),
    ).toEqual(['0', '50', '100']);
  });

  it('draws nothing for no places', () => {
    expect(comparisonChart([], { title: 't', label: 'x' })).toBeUndefined();
  });
});

describe('SVG output', () => {
  it('is an image with a title and description named by aria-labelledby, text escaped', () => {
    const chart = comparisonChart([{ label: 'A & B <c>', value: 1, valueText: '1' }], { title: 'So sánh "x"', label: 'x' })!;
    const svg = chartToSvg(chart, 'c1');
    expect(svg).toMatch(/^<svg class="chart" viewBox="0 0 340 \d+(\.\d)?" [^>]*role="img" aria-labelledby="c1-t c1-d"/);
    expect(svg).toContain('<title id="c1-t">So sánh &quot;x&quot;</title>');
    expect(svg).toContain('A &amp; B &lt;c&gt;');
    expect(svg).not.toContain('<script');
  });
});
