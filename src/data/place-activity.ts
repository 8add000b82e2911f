import { getCampaigns, type CampaignView } from './campaigns.ts';
import { getIndicatorRows, type IndicatorRow } from './indicators.ts';
import { getLessonsForPlace, type LessonView } from './lessons.ts';
import { getNews, type NewsView } from './news.ts';
import { getPlace, getPlaces, type PlaceView } from './places.ts';
import { compareVietnamese } from '../lib/text.ts';
import { getStories, type StoryView } from './stories.ts';
import { getPlaceCharts, type ChartView } from './indicator-charts.ts';
import type { Link } from './types.ts';

/** What an old unit a new commune was formed from had: shown as "Trước năm 2025, ở đây…". */
export interface BeforeReform {
  place: Link;
  stories: StoryView[];
  news: NewsView[];
  /** How many figures the old unit has (they stay on its own page). */
  figures: number;
}

export interface PlacePage {
  place: PlaceView;
  stories: StoryView[];
  news: NewsView[];
  lessons: LessonView[];
  campaigns: CampaignView[];
  indicators: IndicatorRow[];
  charts: ChartView[];
  /** For a unit formed by the 2025 reform: the old units' stories, news and figures. */
  before: BeforeReform[];
}

/**
 * Everything filed under a place id. Old and new units keep their own items; the page's
 * reform links (successors, formed from) lead readers between them.
 */
export async function getPlacePage(id: string): Promise<PlacePage> {
  const [place, stories, news, campaigns, lessons, indicators, charts] = await Promise.all([getPlace(id), getStories(), getNews(), getCampaigns(), getLessonsForPlace(id), getIndicatorRows(id), getPlaceCharts(id)]);
  const before: BeforeReform[] = [];
  if (!place.historical) {
    // Old communes it was formed from, then the old district it lay in: their stories and figures.
    for (const old of [...place.formedFrom, ...place.formerlyIn]) {
      const entry: BeforeReform = {
        place: old,
        stories: stories.filter((story) => story.place.id === old.id),
        news: news.filter((item) => item.places.some((link) => link.id === old.id)),
        figures: (await getIndicatorRows(old.id)).length,
      };
      if (entry.stories.length + entry.news.length + entry.figures > 0) before.push(entry);
    }
  }
  return {
    charts,
    before,
    place,
    stories: stories.filter((story) => story.place.id === id),
    news: news.filter((item) => item.places.some((link) => link.id === id)),
    campaigns: campaigns.filter((campaign) => campaign.places.some((link) => link.id === id)),
    lessons,
    indicators,
  };
}

/** Places split into units that exist now and units abolished by the reform, A–Z. */
export async function getPlaceGroups(): Promise<{ current: PlaceView[]; historical: PlaceView[] }> {
  const places = [...(await getPlaces()).values()];
  const order = (a: PlaceView, b: PlaceView) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareVietnamese(a.name, b.name);
  return {
    current: places.filter((place) => !place.historical).sort(order),
    historical: places.filter((place) => place.historical).sort(order),
  };
}

const KIND_ORDER = ['province', 'district', 'town', 'commune', 'ward', 'village'];
