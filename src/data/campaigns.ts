import { getCollection, type CollectionEntry } from 'astro:content';
import { routes } from '../lib/routes.ts';
import { buildDate } from '../lib/site.ts';
import { getLessons, type LessonView } from './lessons.ts';
import { placeLinks } from './places.ts';
import type { RecordingField } from './recordings.ts';
import { sourceViews, type SourceView } from './sources.ts';
import type { Link } from './types.ts';

export interface CampaignView {
  id: string;
  url: string;
  title: string;
  summary: string;
  start: Date;
  end: Date;
  goal: string;
  lessons: LessonView[];
  places: Link[];
  /** Residents' words for what the campaign is about (search). */
  searchTerms: readonly string[];
  announcements: Array<{ title: string; text: string; audio?: RecordingField | undefined }>;
  meeting?: CollectionEntry<'campaigns'>['data']['meeting'];
  editPath: string;
  /** Every source the campaign's facts were checked against (issue 24). */
  sources: SourceView[];
  entry: CollectionEntry<'campaigns'>;
}

let cache: Promise<CampaignView[]> | undefined;

/** Every campaign, the latest start first. */
export function getCampaigns(): Promise<CampaignView[]> {
  cache ??= Promise.all([getCollection('campaigns'), getLessons()]).then(async ([entries, lessons]) => {
    const lessonById = new Map(lessons.map((lesson) => [lesson.id, lesson]));
    const items = await Promise.all(
      entries.map(async (entry): Promise<CampaignView> => ({
        id: entry.id,
        url: routes.campaign(entry.id),
        title: entry.data.title,
        summary: entry.data.summary,
        start: entry.data.start,
        end: entry.data.end,
        goal: entry.data.goal,
        lessons: entry.data.lessons.map((ref) => lessonById.get(ref.id)).filter((lesson) => lesson !== undefined),
        places: await placeLinks(entry.data.places.map((ref) => ref.id)),
        searchTerms: entry.data.searchTerms,
        announcements: entry.data.announcements,
        meeting: entry.data.meeting,
        editPath: entry.filePath ?? `content/campaigns/${entry.id}.mdx`,
        sources: sourceViews(entry.data.sources),
        entry,
      })),
    );
    return items.sort((a, b) => b.start.getTime() - a.start.getTime() || a.title.localeCompare(b.title, 'vi'));
  });
  return cache;
}

/** The campaign running on the build day; otherwise the one that started last. */
export async function getCurrentCampaign(): Promise<CampaignView | undefined> {
  const campaigns = await getCampaigns();
  const today = buildDate();
  return campaigns.find((campaign) => campaign.start <= today && today <= campaign.end) ?? campaigns[0];
}
