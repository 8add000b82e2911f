import { absoluteUrl } from '../lib/routes.ts';
import { siteUrl } from '../lib/site.ts';
import { getNews } from './news.ts';
import { getStories } from './stories.ts';

/** Items of /rss.xml: every news item and story, newest first, with absolute links. */
export async function getFeedItems(): Promise<Array<{ title: string; link: string; pubDate: Date; description: string }>> {
  const [news, stories] = await Promise.all([getNews(), getStories()]);
  return [...news, ...stories]
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.title.localeCompare(b.title, 'vi'))
    .map((item) => ({ title: item.title, link: absoluteUrl(item.url, siteUrl()), pubDate: item.date, description: item.summary }));
}
