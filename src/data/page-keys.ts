/**
 * The `cacheKey` of each lesson version's pages (experimental.incrementalBuild, issue 29;
 * src/lib/build-cache/page-key.ts says what a key must cover). A key is the lesson's whole view
 * (its article, topic, places, contacts, translations, review status, report links…), what else
 * the page shows of other lessons (the related cards) and one digest of everything shared.
 * Editing one lesson's text then renders that lesson's pages again and no other; editing a
 * topic, a place, the glossary, a picture or a setting renders every keyed page again.
 */
import path from 'node:path';
import { findFfmpeg } from '../lib/audio/ffmpeg.ts';
import { folderDigest, isArticleFile, pageKey } from '../lib/build-cache/page-key.ts';
import { pdfEnabled } from '../lib/print/chromium.ts';
import { reviewAsOf } from '../lib/content/review.ts';
import { picturesEnabled } from '../lib/print/leaflet-picture.ts';
import { buildDate, repoUrl, reportPhone, reportZalo, siteUrl, sourceDateEpoch } from '../lib/site.ts';
import { getRelatedLessons, type LessonView } from './lessons.ts';

let shared: string | undefined;

/** Settings, the build's day and every non-article content file, hashed once per build. */
export function sharedDigest(): string {
  shared ??= pageKey({
    site: siteUrl(),
    repo: repoUrl(),
    phone: reportPhone(),
    zalo: reportZalo(),
    pdf: pdfEnabled(),
    pictures: picturesEnabled(),
    ffmpeg: findFfmpeg()?.version,
    day: buildDate().toISOString().slice(0, 10),
    reviewAsOf: reviewAsOf(),
    epoch: sourceDateEpoch(),
    content: folderDigest(path.resolve('content'), (file) => !isArticleFile(file)),
  });
  return shared;
}

/** A card of another lesson, as a key sees it (what its article's text changes on a card, its minutes, is a field). */
const card = (lesson: LessonView) => ({ ...lesson, entry: undefined });

/** The key of one route's page for a lesson version; `route` keeps the four routes' keys apart. */
export async function lessonPageKey(route: string, lesson: LessonView, withRelated = false): Promise<string> {
  const related = withRelated ? (await getRelatedLessons(lesson)).map(card) : [];
  return pageKey(route, sharedDigest(), lesson, related);
}
