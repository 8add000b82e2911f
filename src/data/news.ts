import { getCollection, type CollectionEntry } from 'astro:content';
import { byDateDesc } from '../lib/dates.ts';
import { routes } from '../lib/routes.ts';
import { placeLinks } from './places.ts';
import { sourceViews, type SourceView } from '../lib/sources.ts';
import type { Cover, Link } from './types.ts';

export interface NewsView {
  id: string;
  url: string;
  title: string;
  summary: string;
  date: Date;
  places: Link[];
  source: { name: string; url?: string | undefined };
  /** Every source the facts were checked against (issue 24). */
  sources: SourceView[];
  cover?: Cover | undefined;
  editPath: string;
  entry: CollectionEntry<'news'>;
}

let cache: Promise<NewsView[]> | undefined;

/** Every news item, newest first. */
export function getNews(): Promise<NewsView[]> {
  cache ??= getCollection('news').then(async (entries) => {
    const items = await Promise.all(
      entries.map(
        async (entry): Promise<NewsView> => ({
          id: entry.id,
          url: routes.news(entry.id),
          title: entry.data.title,
          summary: entry.data.summary,
          date: entry.data.date,
          places: await placeLinks(entry.data.places.map((ref) => ref.id)),
          source: entry.data.source,
          sources: sourceViews(entry.data.sources),
          cover: entry.data.cover,
          editPath: entry.filePath ?? `content/news/${entry.id}.mdx`,
          entry,
        }),
      ),
    );
    return items.sort(byDateDesc);
  });
  return cache;
}

export const NEWS_PER_PAGE = 10;
