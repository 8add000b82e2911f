import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidEntry } from '../../src/lib/content/integrity.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import { isPrintVariant } from '../../src/lib/routes.ts';
import { htmlForIndex, sectionRecords } from '../../src/lib/search/html.ts';
import { builtPages, DIST } from '../support/dist.ts';

const INDEXED = new Set(['lessons', 'translations', 'news', 'stories', 'campaigns', 'places', 'glossary']);
let entries: ValidEntry[] = [];
let pages: string[] = [];

beforeAll(async () => {
  entries = (await validateContent(process.cwd())).entries;
  pages = builtPages();
});

const fileOf = (page: string): string => path.join(DIST, page.endsWith('/') ? `${page}index.html` : page);

describe('search index', () => {
  it('holds one record per lesson, news item, story, campaign, place and glossary term', () => {
    const entry = JSON.parse(readFileSync(path.join(DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const expected = entries.filter((e) => INDEXED.has(e.collection)).length;
    expect(Object.keys(entry.languages)).toEqual(['vi']);
    expect(entry.languages['vi']?.page_count).toBe(expected);
  });

  it('indexes every reading page and no print variant, list or 404 page', () => {
    const indexed = pages.filter((page) => htmlForIndex(readFileSync(fileOf(page), 'utf8')) !== undefined);
    const glossaryRecords = pages.flatMap((page) => sectionRecords(readFileSync(fileOf(page), 'utf8'), page));
    expect(indexed.filter(isPrintVariant)).toEqual([]);
    const printVariants = pages.filter(isPrintVariant);
    expect(printVariants.length).toBeGreaterThan(entries.filter((e) => e.collection === 'lessons').length * 3 - 1);
    expect(indexed.length + glossaryRecords.length).toBe(entries.filter((e) => INDEXED.has(e.collection)).length);
    expect(glossaryRecords.map((record) => record.url).sort()).toEqual(
      entries
        .filter((e) => e.collection === 'glossary')
        .map((e) => `/tu-dien/#${e.id}`)
        .sort(),
    );
  });

  it('offers the type, topic and place filters', () => {
    const dir = path.join(DIST, 'pagefind/filter');
    // Each filter file is a gzip stream: "pagefind_dcd", a CBOR header, the filter name, its values.
    const names = readdirSync(dir).map((file) => {
      const data = gunzipSync(readFileSync(path.join(dir, file)))
        .subarray(12)
        .toString('utf8');
      return /^[\s\S]{0,3}?(type|topic|place)/.exec(data)?.[1];
    });
    expect(names.sort()).toEqual(['place', 'topic', 'type']);
  });
});
