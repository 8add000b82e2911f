import { getCollection, type CollectionEntry } from 'astro:content';
import { t } from '../i18n/vi.ts';
import { articleFacts } from '../lib/article/parts.ts';
import { absoluteUrl, routes } from '../lib/routes.ts';
import { compareVietnamese } from '../lib/text.ts';
import { mergeContacts, phoneDigits, type Contact } from '../lib/contact/contacts.ts';
import { getPlaces, placeLinks, provinceContacts } from './places.ts';
import { getTopics, type TopicView } from './topics.ts';
import { isStale } from '../lib/content/translations.ts';
import { reviewAsOf, reviewStatus, type ReviewStatus } from '../lib/content/review.ts';
import { reportLinks, type ReportLinks } from '../lib/contact/report.ts';
import { repoUrl, reportPhone, reportZalo, siteUrl } from '../lib/site.ts';
import { languageLabel } from '../i18n/vi.ts';
import type { RecordingField } from './recordings.ts';
import { publishersInWords, sourceViews, type Citation, type SourceView } from '../lib/sources.ts';
import type { Cover, Link } from './types.ts';

/** One language version of a lesson, for the switch and hreflang. */
export interface LessonVersion {
  lang: string;
  label: string;
  url: string;
}

/** What a translated version adds (content/translations/). */
export interface TranslationInfo {
  translatedBy: string;
  checkedBy: string;
  translated: Date;
  /** The Vietnamese lesson. */
  original: LessonView;
  /** The Vietnamese lesson was updated after the translation was made. */
  stale: boolean;
}

export interface LessonView {
  /** Route key: the lesson's id, or "<id>/<lang>" for a translation (its pages sit under the lesson's). */
  id: string;
  /** Id of the Vietnamese lesson. */
  lessonId: string;
  /** Language of the text (vi, or a translation's). */
  lang: string;
  url: string;
  title: string;
  summary: string;
  topic: TopicView;
  level: string;
  levelLabel: string;
  minutes: number;
  updated: Date;
  cover?: Cover | undefined;
  keyPoints: string[];
  leafletTip: string;
  helpPhone?: string | undefined;
  /** The lesson's own hotlines (issue 25). */
  ownContacts: Contact[];
  /** What the page shows and the leaflet and script use (the first): the lesson's own numbers (its helpPhone first), then its communes', then the province's. */
  contacts: Contact[];
  places: Link[];
  /** Residents' words for the task (search finds the lesson by them). */
  searchTerms: readonly string[];
  /** The task as a large link on the home page, when the lesson is one of its top tasks. */
  homeTask?: string | undefined;
  /** Day someone last followed the steps against the real app or office (issue 24). */
  reviewed?: Date | undefined;
  /** Due for review (6 months), and whether readers are told (12 months), at the build's date. */
  review: ReviewStatus;
  /** Where the facts come from, as stored, and as the "Nguồn" list shows them. */
  citations: Citation[];
  sources: SourceView[];
  /** "Bộ Công an và Báo Quảng Ninh": the publishers, for the loudspeaker script's last sentence. */
  sourceWords?: string | undefined;
  /** "Báo nội dung sai": the team's phone and Zalo (when configured), and a prefilled issue. */
  report: ReportLinks;
  editPath: string;
  /** Loudspeaker script: reading pace; script translations supplied by editors. */
  pace?: number | undefined;
  scriptTranslations: Array<{ lang: string; text: string }>;
  /** A translation's own loudspeaker script, written by its translator. */
  scriptText?: string | undefined;
  /** Recordings: the lesson read aloud, and its loudspeaker script read aloud. */
  recordings: { reading?: RecordingField | undefined; script?: RecordingField | undefined };
  /** Every language the lesson exists in (Vietnamese first); one entry when there is no translation. */
  versions: LessonVersion[];
  translation?: TranslationInfo | undefined;
  entry: CollectionEntry<'lessons'> | CollectionEntry<'translations'>;
}

let cache: Promise<LessonView[]> | undefined;

/** The report links of a lesson's page (its own address and title, so a translation gets its own). */
function report(id: string, title: string): ReportLinks {
  return reportLinks({ pageUrl: absoluteUrl(routes.lesson(id), siteUrl()), title, phone: reportPhone(), zalo: reportZalo(), repoUrl: repoUrl() });
}

async function build(): Promise<LessonView[]> {
  const [entries, topics, places, province] = await Promise.all([getCollection('lessons'), getTopics(), getPlaces(), provinceContacts()]);
  const topicById = new Map(topics.map((topic) => [topic.id, topic]));
  const asOf = reviewAsOf();
  const lessons = await Promise.all(
    entries.map(async (entry): Promise<LessonView> => {
      const data = entry.data;
      const topic = topicById.get(data.topic.id);
      if (!topic) throw new Error(`${entry.filePath}: unknown topic ${data.topic.id}`);
      return {
        id: entry.id,
        lessonId: entry.id,
        lang: 'vi',
        url: routes.lesson(entry.id),
        title: data.title,
        summary: data.summary,
        topic,
        level: data.level,
        levelLabel: t(`lesson.level.${data.level}`),
        minutes: data.minutes ?? articleFacts(entry).minutes,
        updated: data.updated,
        cover: data.cover,
        keyPoints: data.keyPoints,
        leafletTip: data.leafletTip,
        helpPhone: data.helpPhone,
        ownContacts: data.contacts,
        contacts: lessonContacts(
          data.contacts,
          data.helpPhone,
          data.places.map((ref) => places.get(ref.id)?.ownContacts),
          data.places.map((ref) => places.get(ref.id)?.contacts),
          province,
        ),
        places: await placeLinks(data.places.map((ref) => ref.id)),
        searchTerms: data.searchTerms,
        homeTask: data.homeTask,
        reviewed: data.reviewed,
        review: reviewStatus(data.reviewed, asOf),
        citations: data.sources ?? [],
        sources: sourceViews(data.sources),
        sourceWords: publishersInWords(data.sources),
        report: report(entry.id, data.title),
        editPath: entry.filePath ?? `content/lessons/${entry.id}.mdx`,
        pace: data.broadcast?.pace,
        scriptTranslations: data.broadcast?.translations ?? [],
        recordings: { reading: data.audio, script: data.broadcast?.audio },
        versions: [],
        entry,
      };
    }),
  );
  return lessons.sort((a, b) => compareVietnamese(a.title, b.title));
}

/**
 * A lesson's numbers: its helpPhone's contact first (the check makes sure it has one), its own,
 * its communes' own, what their pages inherit, then the province's.
 */
function lessonContacts(own: readonly Contact[], helpPhone: string | undefined, communes: ReadonlyArray<readonly Contact[] | undefined>, inherited: ReadonlyArray<readonly Contact[] | undefined>, province: readonly Contact[]): Contact[] {
  const help = helpPhone ? own.filter((contact) => phoneDigits(contact.phone) === phoneDigits(helpPhone)) : [];
  return mergeContacts(help, own, ...communes, ...inherited, province);
}

/** A translation as a lesson view: its own text; topic, places, cover and phone from the lesson. */
function translationView(entry: CollectionEntry<'translations'>, original: LessonView): LessonView {
  const data = entry.data;
  const key = `${original.id}/${data.lang}`;
  return {
    ...original,
    id: key,
    lang: data.lang,
    url: routes.lesson(key),
    title: data.title,
    summary: data.summary,
    minutes: articleFacts(entry).minutes,
    updated: data.translated,
    keyPoints: data.keyPoints,
    leafletTip: data.leafletTip,
    editPath: entry.filePath ?? `content/translations/${entry.id}.mdx`,
    report: report(key, data.title),
    scriptTranslations: [],
    scriptText: data.broadcast?.text,
    recordings: { reading: data.audio, script: data.broadcast?.audio },
    translation: { translatedBy: data.translatedBy, checkedBy: data.checkedBy, translated: data.translated, original, stale: isStale(original.updated, data.translated) },
    entry,
  };
}

let all: Promise<{ lessons: LessonView[]; translations: LessonView[] }> | undefined;

/** Lessons and translations, each lesson knowing its versions (Vietnamese first, then by language tag). */
function buildAll(): Promise<{ lessons: LessonView[]; translations: LessonView[] }> {
  all ??= Promise.all([build(), getCollection('translations')]).then(([lessons, entries]) => {
    const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));
    const translations = entries
      .map((entry) => {
        const original = byId.get(entry.data.lesson.id);
        if (!original) throw new Error(`${entry.filePath}: unknown lesson ${entry.data.lesson.id}`);
        return translationView(entry, original);
      })
      .sort((a, b) => a.id.localeCompare(b.id));
    const byLesson = Map.groupBy(translations, (translation) => translation.lessonId);
    for (const lesson of lessons) {
      const own = byLesson.get(lesson.id) ?? [];
      lesson.versions = [lesson, ...own].map((version) => ({ lang: version.lang, label: languageLabel(version.lang), url: version.url }));
      for (const translation of own) translation.versions = lesson.versions;
    }
    return { lessons, translations };
  });
  return all;
}

/** Every lesson, A–Z by title. */
export function getLessons(): Promise<LessonView[]> {
  cache ??= buildAll().then(({ lessons }) => lessons);
  return cache;
}

/** Every translated version of a lesson (content/translations/). */
export async function getTranslations(): Promise<LessonView[]> {
  return (await buildAll()).translations;
}

/** Lessons and their translations: what has a page, a leaflet, an A5 sheet and a script. */
export async function getLessonVersions(): Promise<LessonView[]> {
  const { lessons, translations } = await buildAll();
  return [...lessons, ...translations];
}

/** Languages other than Vietnamese that some lesson exists in (for the search filter). */
export async function getTranslationLanguages(): Promise<string[]> {
  return [...new Set((await getTranslations()).map((translation) => translation.lang))].sort();
}

/** Newest first (by the day they were last checked). */
export async function getNewestLessons(count: number): Promise<LessonView[]> {
  const lessons = [...(await getLessons())];
  return lessons.sort((a, b) => b.updated.getTime() - a.updated.getTime() || compareVietnamese(a.title, b.title)).slice(0, count);
}

/** Topics with their lessons, in topic order; topics without lessons are left out. */
export async function getLessonsByTopic(): Promise<Array<{ topic: TopicView; lessons: LessonView[] }>> {
  const [topics, lessons] = await Promise.all([getTopics(), getLessons()]);
  return topics.map((topic) => ({ topic, lessons: lessons.filter((lesson) => lesson.topic.id === topic.id) })).filter((group) => group.lessons.length > 0);
}

let byTopic: Promise<Map<string, LessonView[]>> | undefined;

/** Lessons of each topic, A–Z: built once, so a lesson page does not scan every lesson (issue 5). */
function lessonsByTopicId(): Promise<Map<string, LessonView[]>> {
  byTopic ??= getLessons().then((lessons) => {
    const map = new Map<string, LessonView[]>();
    for (const lesson of lessons) map.set(lesson.topic.id, [...(map.get(lesson.topic.id) ?? []), lesson]);
    return map;
  });
  return byTopic;
}

/** Other lessons of the same topic. */
export async function getRelatedLessons(lesson: LessonView, count = 3): Promise<LessonView[]> {
  const sameTopic = (await lessonsByTopicId()).get(lesson.topic.id) ?? [];
  const related: LessonView[] = [];
  for (const other of sameTopic) {
    if (other.id !== lesson.lessonId) related.push(other);
    if (related.length === count) break;
  }
  return related;
}

/** Lessons aimed at a place (or at everyone). */
export async function getLessonsForPlace(placeId: string): Promise<LessonView[]> {
  return (await getLessons()).filter((lesson) => lesson.places.some((place) => place.id === placeId));
}

/** Each topic with its newest lessons (at most `count`) and how many it has in all. */
export async function getTopicPreviews(count: number): Promise<Array<{ topic: TopicView; lessons: LessonView[]; total: number }>> {
  return (await getLessonsByTopic()).map(({ topic, lessons }) => ({
    topic,
    total: lessons.length,
    lessons: [...lessons].sort((a, b) => b.updated.getTime() - a.updated.getTime() || compareVietnamese(a.title, b.title)).slice(0, count),
  }));
}

/** Whether a version has a loudspeaker script page: every Vietnamese lesson; a translation when its translator wrote one. */
export function hasScript(lesson: LessonView): boolean {
  return lesson.lang === 'vi' || !!lesson.scriptText;
}
