import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import type { ValidEntry } from '../../src/lib/content/integrity.ts';
import { routes } from '../../src/lib/routes.ts';

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
  return new Set(readPage(sitePath, dist).querySelectorAll('[id]').map((element) => element.id));
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

/**
 * The content file a built page renders, for messages: the entry whose page is the longest prefix
 * of the path (/bai-hoc/x/to-roi/ and /bai-hoc/x/tay/ → content/lessons/x.mdx); /tu-dien/ holds
 * every glossary term. Undefined for pages made from templates alone (home, lists, search…).
 */
export function sourceFileOf(sitePath: string, entries: ReadonlyArray<Pick<ValidEntry, 'collection' | 'id' | 'file'>>): string | undefined {
  let best: { page: string; file: string } | undefined;
  const glossary: string[] = [];
  for (const entry of entries) {
    const page = expectedPage(entry)?.split('#')[0];
    if (page === undefined) continue;
    if (entry.collection === 'glossary') {
      if (sitePath === page) glossary.push(entry.file);
      continue;
    }
    if (sitePath.startsWith(page) && (!best || page.length > best.page.length)) best = { page, file: entry.file };
  }
  if (best) return best.file;
  return glossary.length > 0 ? `${path.posix.dirname(glossary[0]!.split(path.sep).join('/'))}/ (${glossary.length} mục)` : undefined;
}
