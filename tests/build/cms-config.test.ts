// Issue 15, first step: /admin/config.yml is generated at build time from the schemas and the
// ids in content/, and nothing a reader loads points at /admin/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CmsField } from '../../src/lib/cms/fields.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import type { ValidEntry } from '../../src/lib/content/integrity.ts';
import { builtPages, DIST } from '../support/dist.ts';

type Config = { publish_mode: string; collections: Array<{ name: string; fields: CmsField[] }> };
let config: Config;
let entries: ValidEntry[] = [];

beforeAll(async () => {
  config = parse(readFileSync(path.join(DIST, 'admin/config.yml'), 'utf8')) as Config;
  entries = (await validateContent(process.cwd())).entries;
});

const field = (collection: string, name: string) => config.collections.find((c) => c.name === collection)!.fields.find((f) => f.name === name)!;
const ids = (collection: string) => entries.filter((e) => e.collection === collection).map((e) => e.id).sort();

describe('/admin/config.yml', () => {
  it('offers exactly the topics, places and lessons of content/ in its selects', () => {
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(field('lessons', 'topic').options!.map((o) => o.value).sort()).toEqual(ids('topics'));
    expect(field('lessons', 'places').options!.map((o) => o.value).sort()).toEqual(ids('places'));
    expect(field('translations', 'lesson').options!.map((o) => o.value).sort()).toEqual(ids('lessons'));
    expect(field('lessons', 'topic').options!.find((o) => o.value === 'thanh-toan')?.label).toBe(entries.find((e) => e.collection === 'topics' && e.id === 'thanh-toan')?.parsed['name']);
  });

  it('is kept from search engines, the sitemap and every reading page', () => {
    expect(readFileSync(path.join(DIST, 'robots.txt'), 'utf8')).toMatch(/^Disallow: \/admin\/$/m);
    expect(readFileSync(path.join(DIST, 'sitemap-0.xml'), 'utf8')).not.toContain('/admin/');
    const pointing = builtPages().filter((page) => /["'(]\/admin\//.test(readFileSync(page.endsWith('/') ? path.join(DIST, page, 'index.html') : path.join(DIST, page), 'utf8')));
    expect(pointing).toEqual([]);
  });
});
