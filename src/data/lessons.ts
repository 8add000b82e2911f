import { getCollection, type CollectionEntry } from 'astro:content';
import { t } from '../i18n/vi.ts';
import { plainTextFromMarkdown, readingMinutes } from '../lib/reading-time.ts';
import { routes } from '../lib/routes.ts';
import { compareVietnamese } from '../lib/text.ts';
import { placeLinks } from './places.ts';
import { getTopics, type TopicView } from './topics.ts';
import type { Cover, Link } from './types.ts';

export interface LessonView {
  id: string;
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
  places: Link[];
  source?: { name: string; url?: string | undefined } | undefined;
  editPath: string;
  entry: CollectionEntry<'lessons'>;
}

let cache: Promise<LessonView[]> | undefined;

async function build(): Promise<LessonView[]> {
  const [entries, topics] = await Promise.all([getCollection('lessons'), getTopics()]);
  const topicById = new Map(topics.map((topic) => [topic.id, topic]));
  const lessons = await Promise.all(
    entries.map(async (entry): Promise<LessonView> => {
      const data = entry.data;
      const topic = topicById.get(data.topic.id);
      if (!topic) throw new Error(`${entry.filePath}: unknown topic ${data.topic.id}`);
      return {
        id: entry.id,
        url: routes.lesson(entry.id),
        title: data.title,
        summary: data.summary,
        topic,
        level: data.level,
        levelLabel: t(`lesson.level.${data.level}`),
        minutes: data.minutes ?? readingMinutes(plainTextFromMarkdown(entry.body ?? '')),
        updated: data.updated,
        cover: data.cover,
        keyPoints: data.keyPoints,
        leafletTip: data.leafletTip,
        helpPhone: data.helpPhone,
        places: await placeLinks(data.places.map((ref) => ref.id)),
        source: data.source,
        editPath: entry.filePath ?? `content/lessons/${entry.id}.mdx`,
        entry,
      };
    }),
  );
  return lessons.sort((a, b) => compareVietnamese(a.title, b.title));
}

/** Every lesson, A–Z by title. */
export function getLessons(): Promise<LessonView[]> {
  cache ??= build();
  return cache;
}

/** Newest first (by the day they were last checked). */
export async function getNewestLessons(count: number): Promise<LessonView[]> {
  const lessons = [...(await getLessons())];
  return lessons
    .sort((a, b) => b.updated.getTime() - a.updated.getTime() || compareVietnamese(a.title, b.title))
    .slice(0, count);
}

/** Topics with their lessons, in topic order; topics without lessons are left out. */
export async function getLessonsByTopic(): Promise<Array<{ topic: TopicView; lessons: LessonView[] }>> {
  const [topics, lessons] = await Promise.all([getTopics(), getLessons()]);
  return topics
    .map((topic) => ({ topic, lessons: lessons.filter((lesson) => lesson.topic.id === topic.id) }))
    .filter((group) => group.lessons.length > 0);
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
    if (other.id !== lesson.id) related.push(other);
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
