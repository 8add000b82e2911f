import { t } from '../i18n/vi.ts';
import { routes } from '../lib/routes.ts';
import type { OgInput } from '../lib/share/og-image.ts';
import { siteUrl } from '../lib/site.ts';
import { getCampaigns } from './campaigns.ts';
import { getLessons } from './lessons.ts';
import { getNews } from './news.ts';
import { getStories } from './stories.ts';

/** One preview image to draw: its site path (from routes.ogImage) and what it shows. */
export interface OgImageEntry {
  path: string;
  input: OgInput;
}

/** Every preview image of the site: one per lesson, news item, story and campaign, and the default. */
export async function getOgImages(): Promise<OgImageEntry[]> {
  const [lessons, news, stories, campaigns] = await Promise.all([getLessons(), getNews(), getStories(), getCampaigns()]);
  const footer = new URL(siteUrl()).host;
  const entry = (path: string, title: string, kind: string): OgImageEntry => ({ path, input: { title, kind, siteName: t('site.name'), footer } });
  return [
    entry(routes.ogImage(), t('site.tagline'), t('og.kind.site')),
    ...lessons.map((item) => entry(routes.ogImage('bai-hoc', item.id), item.title, t('og.kind.lesson'))),
    ...news.map((item) => entry(routes.ogImage('tin-tuc', item.id), item.title, t('og.kind.news'))),
    ...stories.map((item) => entry(routes.ogImage('cau-chuyen', item.id), item.title, t('og.kind.story'))),
    ...campaigns.map((item) => entry(routes.ogImage('chien-dich', item.id), item.title, t('og.kind.campaign'))),
  ];
}
