import { getCollection, type CollectionEntry } from 'astro:content';
import { routes } from '../lib/routes.ts';
import { buildDate } from '../lib/site.ts';
import { getLessons, type LessonView } from './lessons.ts';
import { mergeContacts, type Contact } from '../lib/contact/contacts.ts';
import { getPlaces, placeLinks, provinceContacts } from './places.ts';
import type { RecordingField } from './recordings.ts';
import { sourceViews, type SourceView } from '../lib/sources.ts';
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
  /** Numbers to call: its communes' own, its lessons' own, then the province's (issue 25). */
  contacts: Contact[];
  /** Where the campaign changes a lesson's steps, said out loud (issue 25). */
  variants: CampaignVariant[];
  entry: CollectionEntry<'campaigns'>;
}

/** A campaign's own version of a lesson's steps: where to go, what to bring, and why. */
export interface CampaignVariant {
  lesson: { id: string; title: string; url: string };
  goTo?: string | undefined;
  bring?: string[] | undefined;
  why: string;
}

let cache: Promise<CampaignView[]> | undefined;

/** Every campaign, the latest start first. */
export function getCampaigns(): Promise<CampaignView[]> {
  cache ??= Promise.all([getCollection('campaigns'), getLessons(), getPlaces(), provinceContacts()]).then(async ([entries, lessons, places, province]) => {
    const lessonById = new Map(lessons.map((lesson) => [lesson.id, lesson]));
    const items = await Promise.all(
      entries.map(
        async (entry): Promise<CampaignView> => ({
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
          contacts: mergeContacts(
            ...entry.data.places.map((ref) => places.get(ref.id)?.ownContacts),
            ...entry.data.lessons.map((ref) => lessonById.get(ref.id)?.ownContacts),
            ...entry.data.places.map((ref) => places.get(ref.id)?.contacts),
            province,
          ),
          variants: entry.data.variants.flatMap((variant) => {
            const lesson = lessonById.get(variant.lesson.id);
            return lesson ? [{ lesson: { id: lesson.id, title: lesson.title, url: lesson.url }, goTo: variant.goTo, bring: variant.bring, why: variant.why }] : [];
          }),
          entry,
        }),
      ),
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
