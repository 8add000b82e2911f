import { absoluteUrl, routes } from '../lib/routes.ts';
import { siteUrl } from '../lib/site.ts';
import { articleFacts } from '../lib/article/parts.ts';
import { howToJsonLd, newsArticleJsonLd, placeJsonLd } from '../lib/share/structured-data.ts';
import type { LessonView } from './lessons.ts';
import type { NewsView } from './news.ts';
import type { PlaceView } from './places.ts';

const abs = (path: string): string => absoluteUrl(path, siteUrl());

/** HowTo for a lesson; its steps are the items of the lesson's <Steps> list. */
export function lessonJsonLd(lesson: LessonView): Record<string, unknown> {
  return howToJsonLd({
    title: lesson.title,
    summary: lesson.summary,
    url: abs(lesson.url),
    image: abs(routes.ogImage('bai-hoc', lesson.lessonId)),
    updated: lesson.updated,
    minutes: lesson.minutes,
    steps: articleFacts(lesson.entry).steps,
    lang: lesson.lang,
  });
}

export function newsJsonLd(item: NewsView): Record<string, unknown> {
  return newsArticleJsonLd({
    title: item.title,
    summary: item.summary,
    url: abs(item.url),
    image: abs(routes.ogImage('tin-tuc', item.id)),
    date: item.date,
    source: item.source.url ?? item.source.name,
    places: item.places.map((place) => place.label),
  });
}

export function placeJsonLdFor(place: PlaceView): Record<string, unknown> {
  return placeJsonLd({
    name: place.heading,
    url: abs(place.url),
    description: place.description,
    parent: place.parent ? { name: place.parent.label, url: abs(place.parent.url) } : undefined,
    // Only links checked against the resolution's text: machines get no "chưa đối chiếu" (issue 24).
    nowPartOf: place.nowPartOf.filter((link) => !link.unverified).map((link) => ({ name: link.label, url: abs(link.url) })),
  });
}
