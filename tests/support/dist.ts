import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import type { ValidEntry } from '../../src/lib/content/integrity.ts';
import { parsePath, routes, type ParsedPath } from '../../src/lib/routes.ts';

export const DIST = path.resolve('dist');

/**
 * Every page of the site as a site path: "/bai-hoc/x/" for dist/bai-hoc/x/index.html. The CMS's
 * page (/admin/) is not one of ours to lay out or read: tests/build/cms-config.test.ts checks it.
 */
export function builtPages(dist = DIST): string[] {
  return readdirSync(dist, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const web = `/${file.split(path.sep).join('/')}`;
      return web.endsWith('/index.html') ? web.slice(0, -'index.html'.length) : web;
    })
    .filter((page) => !page.startsWith(routes.admin()))
    .sort();
}

export function readPage(sitePath: string, dist = DIST): HTMLElement {
  const file = sitePath.endsWith('/') ? path.join(dist, sitePath, 'index.html') : path.join(dist, sitePath);
  return parse(readFileSync(file, 'utf8'));
}

export function pageExists(sitePath: string, dist = DIST): boolean {
  return existsSync(path.join(dist, sitePath, 'index.html'));
}

/** The page every content entry must have (glossary terms are anchors on one page). */
export function expectedPage(entry: Pick<ValidEntry, 'collection' | 'id'>): string | undefined {
  switch (entry.collection) {
    case 'lessons':
      return routes.lesson(entry.id);
    case 'news':
      return routes.news(entry.id);
    case 'stories':
      return routes.story(entry.id);
    case 'campaigns':
      return routes.campaign(entry.id);
    case 'places':
      return routes.place(entry.id);
    case 'glossary':
      return routes.glossaryTerm(entry.id);
    default:
      return undefined;
  }
}

/** Expected pages (or anchors) that the built site lacks. */
export function missingPages(expected: readonly string[], exists: (sitePath: string) => boolean, anchors: (sitePath: string) => Set<string>): string[] {
  return expected.filter((target) => {
    const [page = '/', anchor] = target.split('#');
    if (!exists(page)) return true;
    return anchor !== undefined && !anchors(page).has(anchor);
  });
}

export function idsOn(sitePath: string, dist = DIST): Set<string> {
  return new Set(
    readPage(sitePath, dist)
      .querySelectorAll('[id]')
      .map((element) => element.id),
  );
}

/** Newest modification time under the given paths (files and folders, recursively). */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  for (const target of paths) {
    if (!existsSync(target)) continue;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(target, { recursive: true })) {
        newest = Math.max(newest, statSync(path.join(target, String(entry))).mtimeMs);
      }
    } else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/** Collection of the entry each kind of page renders (src/lib/routes.ts parsePath). */
const COLLECTION_OF_KIND: Partial<Record<ParsedPath['kind'], string>> = {
  lesson: 'lessons',
  leaflet: 'lessons',
  'leaflet-a5': 'lessons',
  'lesson-broadcast': 'lessons',
  news: 'news',
  story: 'stories',
  place: 'places',
  campaign: 'campaigns',
  'meeting-pack': 'campaigns',
  'campaign-broadcast': 'campaigns',
};

/**
 * The content file a built page renders, for messages, read back with routes.ts's parsePath:
 * /bai-hoc/x/to-roi/ → content/lessons/x.mdx, /bai-hoc/x/tyz/ → content/translations/x.tyz.mdx,
 * /tu-dien/ → the glossary folder (every term is on that page). Undefined for pages made from
 * templates alone (home, lists, search, offline…).
 */
export function sourceFileOf(sitePath: string, entries: ReadonlyArray<Pick<ValidEntry, 'collection' | 'id' | 'file' | 'parsed'>>): string | undefined {
  const parsed = parsePath(sitePath);
  if (parsed.kind === 'glossary') {
    const terms = entries.filter((entry) => entry.collection === 'glossary');
    return terms.length > 0 ? `${path.posix.dirname(terms[0]!.file.split(path.sep).join('/'))}/ (${terms.length} mục)` : undefined;
  }
  const collection = COLLECTION_OF_KIND[parsed.kind];
  if (!collection || !('id' in parsed)) return undefined;
  if ('lang' in parsed && parsed.lang) {
    const translation = entries.find((entry) => entry.collection === 'translations' && (entry.parsed['lesson'] as { id?: string } | undefined)?.id === parsed.id && entry.parsed['lang'] === parsed.lang);
    if (translation) return translation.file;
  }
  return entries.find((entry) => entry.collection === collection && entry.id === parsed.id)?.file;
}
