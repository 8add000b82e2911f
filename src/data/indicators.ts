import { getCollection } from 'astro:content';
import { formatDate } from '../lib/dates.ts';
import { formatValue, type MetricUnit } from '../lib/places/indicators.ts';
import { compareVietnamese } from '../lib/text.ts';
import { sourcesKey, sourceViews, type SourceView } from '../lib/sources.ts';

export interface MetricView {
  id: string;
  label: string;
  unit: MetricUnit;
  target?: number | undefined;
  description: string;
}

export interface IndicatorRow {
  metric: string;
  /** The place the figure is about. */
  place: string;
  label: string;
  value: string;
  /** The number itself, for charts. */
  amount: number;
  unit: MetricUnit;
  target?: string | undefined;
  targetAmount?: number | undefined;
  date: Date;
  dateText: string;
  source: { name: string; url?: string | undefined };
  /** The articles that print the figure (issue 24). */
  sources: SourceView[];
  /** Same for figures with the same sources: one "Nguồn" line can serve them all. */
  sourcesKey: string;
}

let metricsCache: Promise<Map<string, MetricView>> | undefined;

export function getMetrics(): Promise<Map<string, MetricView>> {
  metricsCache ??= getCollection('metrics').then((entries) => new Map(entries.map((entry) => [entry.id, { id: entry.id, ...entry.data }])));
  return metricsCache;
}

let rowsCache: Promise<IndicatorRow[]> | undefined;

/** Every figure of every place, grouped by metric label then newest first. */
export function getAllIndicatorRows(): Promise<IndicatorRow[]> {
  rowsCache ??= loadRows();
  return rowsCache;
}

/** A place's figures, one row per figure, grouped by metric label then newest first. */
export async function getIndicatorRows(placeId: string): Promise<IndicatorRow[]> {
  return (await getAllIndicatorRows()).filter((row) => row.place === placeId);
}

async function loadRows(): Promise<IndicatorRow[]> {
  const [entries, metrics] = await Promise.all([getCollection('indicators'), getMetrics()]);
  return entries
    .map((entry): IndicatorRow => {
      const metric = metrics.get(entry.data.metric.id);
      const unit = metric?.unit ?? 'count';
      return {
        metric: entry.data.metric.id,
        place: entry.data.place.id,
        label: metric?.label ?? entry.data.metric.id,
        value: formatValue(entry.data.value, unit, entry.data.qualifier),
        amount: entry.data.value,
        unit,
        target: metric?.target === undefined ? undefined : formatValue(metric.target, unit),
        targetAmount: metric?.target,
        date: entry.data.date,
        dateText: entry.data.dateNote ?? formatDate(entry.data.date),
        source: entry.data.source,
        sources: sourceViews(entry.data.sources),
        sourcesKey: sourcesKey(sourceViews(entry.data.sources)),
      };
    })
    .sort((a, b) => compareVietnamese(a.label, b.label) || b.date.getTime() - a.date.getTime());
}
