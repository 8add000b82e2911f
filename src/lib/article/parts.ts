import { BODY_IMAGES_FIELD } from '../../schemas/helpers.ts';
import { IMAGE_MARKER } from './render.ts';
import type { BodyFacts } from './steps.ts';

/**
 * Where an entry keeps its body's pictures, in the order of the markers: a field of the
 * collection's schema, typed with image(), which the loader fills and Astro resolves.
 */
export const ARTICLE_IMAGES_FIELD = BODY_IMAGES_FIELD;

/** What ArticleBody.astro writes, in order: HTML as it is, or a picture by its index. */
export type ArticlePart = { html: string } | { image: number };

/**
 * The stored HTML split at its picture markers. A marker without a picture means the stored
 * HTML and the entry's pictures disagree (a bug, never an editor's mistake): it throws.
 */
export function articleParts(html: string, imageCount: number): ArticlePart[] {
  const parts: ArticlePart[] = [];
  let last = 0;
  for (const match of html.matchAll(IMAGE_MARKER)) {
    const index = Number(match[1]);
    if (index >= imageCount) throw new Error(`Bài viết có ảnh số ${index + 1} nhưng chỉ có ${imageCount} ảnh.`);
    if (match.index > last) parts.push({ html: html.slice(last, match.index) });
    parts.push({ image: index });
    last = match.index + match[0].length;
  }
  if (last < html.length) parts.push({ html: html.slice(last) });
  return parts;
}

/**
 * The body's facts the loader stored in `rendered.metadata` (steps.ts). An entry without them
 * was not stored by this loader version (a bug, never an editor's mistake): it throws.
 */
export function articleFacts(entry: { id: string; rendered?: { metadata?: Record<string, unknown> } }): BodyFacts {
  const metadata = entry.rendered?.metadata;
  const minutes = metadata?.['minutes'];
  const steps = metadata?.['steps'];
  if (typeof minutes !== 'number' || !Array.isArray(steps)) throw new Error(`${entry.id}: bài viết thiếu số phút đọc và các bước (rendered.metadata) mà bộ nạp ghi.`);
  return { minutes, steps: steps as string[] };
}
