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
