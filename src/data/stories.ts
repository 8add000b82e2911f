import { getCollection, type CollectionEntry } from 'astro:content';
import { t, type UiKey } from '../i18n/vi.ts';
import { byDateDesc } from '../lib/dates.ts';
import { formatValue, type MetricUnit } from '../lib/places/indicators.ts';
import { routes } from '../lib/routes.ts';
import { getMetrics } from './indicators.ts';
import { getPlace } from './places.ts';
import { sourceViews, type SourceView } from '../lib/sources.ts';
import type { Cover, Link } from './types.ts';

export interface StoryView {
  id: string;
  url: string;
  title: string;
  summary: string;
  date: Date;
  place: Link;
  channels: string[];
  highlights: Array<{ label: string; value: string }>;
  /** Real quotations only: verbatim words, who said them, the article that prints them (issue 24). */
  quotes: Array<{ text: string; speaker: string; role?: string | undefined; source: SourceView }>;
  source: { name: string; url?: string | undefined };
  /** Every source the facts were checked against (issue 24). */
  sources: SourceView[];
  cover?: Cover | undefined;
  editPath: string;
  entry: CollectionEntry<'stories'>;
}

let cache: Promise<StoryView[]> | undefined;

/** Every story, newest first. */
export function getStories(): Promise<StoryView[]> {
  cache ??= getCollection('stories').then(async (entries) => {
    const metrics = await getMetrics();
    const items = await Promise.all(
      entries.map(async (entry): Promise<StoryView> => {
        const place = await getPlace(entry.data.place.id);
        return {
          id: entry.id,
          url: routes.story(entry.id),
          title: entry.data.title,
          summary: entry.data.summary,
          date: entry.data.date,
          place: { id: place.id, url: place.url, label: place.fullName },
          channels: entry.data.channels.map((channel) => t(`channel.${channel}` as UiKey)),
          highlights: entry.data.highlights.map((highlight) => {
            const metric = metrics.get(highlight.metric.id);
            return {
              label: metric?.label ?? highlight.metric.id,
              value: formatValue(highlight.value, (metric?.unit ?? 'count') as MetricUnit, highlight.qualifier),
            };
          }),
          quotes: entry.data.quotes.map((quote) => ({ text: quote.text, speaker: quote.speaker, role: quote.role, source: sourceViews([quote.source])[0]! })),
          source: entry.data.source,
          sources: sourceViews(entry.data.sources),
          cover: entry.data.cover,
          editPath: entry.filePath ?? `content/stories/${entry.id}.mdx`,
          entry,
        };
      }),
    );
    return items.sort(byDateDesc);
  });
  return cache;
}
