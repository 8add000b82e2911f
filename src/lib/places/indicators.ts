/** Formatting of figures the way Vietnamese readers write them: 24.000, 75%, 24 tỷ đồng. */

export type MetricUnit = 'percent' | 'count' | 'billion-vnd';
export type Qualifier = 'hơn' | 'gần' | 'khoảng';

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** 24000 → "24.000"; 51.3 → "51,3". */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** A value with its unit and qualifier: "hơn 75%", "86", "hơn 24 tỷ đồng". */
export function formatValue(value: number, unit: MetricUnit, qualifier?: Qualifier): string {
  const number = formatNumber(value);
  const withUnit = unit === 'percent' ? `${number}%` : unit === 'billion-vnd' ? `${number} tỷ đồng` : number;
  return qualifier ? `${qualifier} ${withUnit}` : withUnit;
}

/** Latest figure per metric for one place, newest first within a metric. */
export function latestByMetric<T extends { metric: string; date: Date }>(rows: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const current = latest.get(row.metric);
    if (!current || row.date > current.date) latest.set(row.metric, row);
  }
  return [...latest.values()];
}

/** The date text and source name every row shares, or undefined when they differ. */
export function sharedDateAndSource(rows: ReadonlyArray<{ dateText: string; source: { name: string } }>): { dateText: string; source: string } | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const same = rows.every((row) => row.dateText === first.dateText && row.source.name === first.source.name);
  return same ? { dateText: first.dateText, source: first.source.name } : undefined;
}

/** The first row when every row gives the same `key` (the same sources, say), else undefined. */
export function firstIfAllSame<T>(rows: readonly T[], key: (row: T) => string): T | undefined {
  const first = rows[0];
  if (first === undefined) return undefined;
  return rows.every((row) => key(row) === key(first)) ? first : undefined;
}

/** How many places report each metric (for comparisons and headline figures). */
export function placesPerMetric(rows: ReadonlyArray<{ metric: string; place: string }>): Map<string, number> {
  const places = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = places.get(row.metric) ?? new Set<string>();
    set.add(row.place);
    places.set(row.metric, set);
  }
  return new Map([...places].map(([metric, set]) => [metric, set.size]));
}

/**
 * Which metric a place's "over time" chart follows: the one with the most dated figures;
 * on a tie, one that other places also report (so it reads with the comparison), then
 * the first in `order` (the caller's preferred metric order).
 */
export function pickSeriesMetric(rows: ReadonlyArray<{ metric: string }>, shared: ReadonlyMap<string, number>, order: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.metric, (counts.get(row.metric) ?? 0) + 1);
  const position = (metric: string) => (order.includes(metric) ? order.indexOf(metric) : order.length);
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (shared.get(b) ?? 0) - (shared.get(a) ?? 0) || position(a) - position(b))[0];
}

/**
 * A place's headline figures for the overview: its latest figure per metric, metrics that
 * more places report first (they can be compared), then in `order`; at most `max`.
 */
export function headlineRows<T extends { metric: string; date: Date }>(rows: readonly T[], shared: ReadonlyMap<string, number>, order: readonly string[], max = 4): T[] {
  const position = (metric: string) => (order.includes(metric) ? order.indexOf(metric) : order.length);
  return latestByMetric(rows)
    .sort((a, b) => (shared.get(b.metric) ?? 0) - (shared.get(a.metric) ?? 0) || position(a.metric) - position(b.metric))
    .slice(0, max);
}
