// /rss.xml: every news item and story, newest first, with absolute links.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getFeedItems } from '../data/feed.ts';
import { t } from '../i18n/vi.ts';
import { siteUrl } from '../lib/site.ts';

export const GET: APIRoute = async () =>
  rss({
    title: t('feed.title'),
    description: t('feed.description'),
    site: siteUrl(),
    items: await getFeedItems(),
    customData: '<language>vi</language>',
  });
