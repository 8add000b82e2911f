import { t } from '../i18n/vi.ts';
import { chartToSvg, comparisonChart, progressChart, timeChart, type ChartModel } from '../lib/places/charts.ts';
import { formatDate } from '../lib/dates.ts';
import { headlineRows, latestByMetric, pickSeriesMetric, placesPerMetric } from '../lib/places/indicators.ts';
import { getAllIndicatorRows, getMetrics, type IndicatorRow } from './indicators.ts';
import { getPlaces, type PlaceView } from './places.ts';

/** A chart ready for the page: its SVG, a heading, and the rows for the table under it. */
export interface ChartView {
  id: string;
  heading: string;
  svg: string;
  /** The figures drawn, for the data table (its first column names metrics or places). */
  rows: IndicatorRow[];
  /** What the first column of the table lists. */
  rowHeader: string;
  /**
   * Whether the chart carries its own table. A place's own figures are already in the
   * page's full table (id "bang-so-lieu"), so its progress and over-time charts link there.
   */
  ownTable: boolean;
}

/** A place's name in charts and tables, marked "(cũ)" when the unit no longer exists. */
export function placeLabel(place: PlaceView | undefined, id: string): string {
  if (!place) return id;
  return place.historical ? `${place.heading} (${t('place.old')})` : place.heading;
}

function view(model: ChartModel | undefined, id: string, heading: string, rows: IndicatorRow[], rowHeader: string, ownTable = true): ChartView[] {
  return model ? [{ id, heading, svg: chartToSvg(model, id), rows, rowHeader, ownTable }] : [];
}

/** One metric's latest figure per place, as a comparison chart (only when two or more places report it). */
async function comparison(metric: string, id: string): Promise<ChartView[]> {
  const [all, places, metrics] = await Promise.all([getAllIndicatorRows(), getPlaces(), getMetrics()]);
  const latest = new Map<string, IndicatorRow>();
  for (const row of all.filter((r) => r.metric === metric)) {
    const current = latest.get(row.place);
    if (!current || row.date > current.date) latest.set(row.place, row);
  }
  if (latest.size < 2) return [];
  const rows = [...latest.values()].map((row) => ({ ...row, label: placeLabel(places.get(row.place), row.place) }));
  const label = metrics.get(metric)?.label ?? metric;
  const model = comparisonChart(
    rows.map((row) => ({ label: row.label, value: row.amount, valueText: row.value })),
    { title: t('chart.compare', { metric: label }), label, scaleMax: rows[0]?.unit === 'percent' ? 100 : undefined },
  );
  const sorted = [...rows].sort((a, b) => b.amount - a.amount);
  return view(model, id, t('chart.compare', { metric: label }), sorted, t('chart.place'));
}

/** Charts for a place page: progress toward targets, one metric over time, comparisons with other places. */
export async function getPlaceCharts(placeId: string): Promise<ChartView[]> {
  const [all, metrics] = await Promise.all([getAllIndicatorRows(), getMetrics()]);
  const rows = all.filter((row) => row.place === placeId);
  if (rows.length === 0) return [];
  const order = [...metrics.keys()];
  const shared = placesPerMetric(all);
  const charts: ChartView[] = [];

  const percent = latestByMetric(rows).filter((row) => row.unit === 'percent');
  const progress = progressChart(
    percent.map((row) => ({ label: row.label, value: row.amount, valueText: row.value, target: row.targetAmount, targetText: row.target })),
    { title: t('chart.progress'), targetWord: t('indicator.target'), scaleMax: 100 },
  );
  charts.push(...view(progress, 'bd-tien-do', t('chart.progress'), percent, t('indicator.metric'), false));

  const metric = pickSeriesMetric(rows, shared, order);
  if (metric) {
    const series = rows.filter((row) => row.metric === metric);
    const label = series[0]!.label;
    const model = timeChart(
      series.map((row) => ({ date: row.date, dateText: formatDate(row.date), value: row.amount, valueText: row.value })),
      { title: t('chart.overTime', { metric: label }), label },
    );
    charts.push(...view(model, 'bd-theo-thoi-gian', t('chart.overTime', { metric: label }), series, t('indicator.metric'), false));
  }

  for (const row of latestByMetric(rows)) {
    if ((shared.get(row.metric) ?? 0) >= 2) charts.push(...(await comparison(row.metric, `bd-so-sanh-${row.metric}`)));
  }
  return charts;
}

/** The province overview: each place with figures, its headline figures, and comparisons. */
export async function getOverview(): Promise<{ places: Array<{ place: PlaceView; label: string; rows: IndicatorRow[] }>; charts: ChartView[] }> {
  const [all, metrics, places] = await Promise.all([getAllIndicatorRows(), getMetrics(), getPlaces()]);
  // Headline order: metrics with a province target first (progress the committees follow), then by id.
  const order = [...metrics.values()].sort((a, b) => Number(b.target !== undefined) - Number(a.target !== undefined)).map((metric) => metric.id);
  const shared = placesPerMetric(all);
  const ids = [...new Set(all.map((row) => row.place))];
  const withFigures = ids
    .map((id) => places.get(id))
    .filter((place): place is PlaceView => place !== undefined)
    .map((place) => ({
      place,
      label: placeLabel(place, place.id),
      rows: headlineRows(
        all.filter((row) => row.place === place.id),
        shared,
        order,
      ),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  const charts: ChartView[] = [];
  for (const metric of order) {
    if ((shared.get(metric) ?? 0) >= 2) charts.push(...(await comparison(metric, `bd-so-sanh-${metric}`)));
  }
  return { places: withFigures, charts };
}
