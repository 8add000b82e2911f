// Issue 15: /admin/ (Sveltia CMS bundled from npm) and its config.yml, generated at build time
// from the schemas and the ids in content/; nothing a reader loads points at /admin/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CmsField } from '../../src/lib/cms/fields.ts';
import { validateContent } from '../../src/lib/content/validate.ts';
import type { ValidEntry } from '../../src/lib/content/integrity.ts';
import { routes } from '../../src/lib/routes.ts';
import { siteUrl } from '../../src/lib/site.ts';
import { builtPages, DIST } from '../support/dist.ts';

type Config = { publish_mode: string; collections: Array<{ name: string; fields: CmsField[] }> };
let config: Config;
let entries: ValidEntry[] = [];

beforeAll(async () => {
  config = parse(readFileSync(path.join(DIST, 'admin/config.yml'), 'utf8')) as Config;
  entries = (await validateContent(process.cwd())).entries;
});

const field = (collection: string, name: string) => config.collections.find((c) => c.name === collection)!.fields.find((f) => f.name === name)!;
const ids = (collection: string) =>
  entries
    .filter((e) => e.collection === collection)
    .map((e) => e.id)
    .sort();

describe('/admin/config.yml', () => {
  it('offers exactly the topics, places and lessons of content/ in its selects', () => {
    expect(config.publish_mode).toBe('editorial_workflow');
    // The sign-in page shows our mark, and the CMS links back to the site.
    expect(config).toMatchObject({ logo_url: '/favicon.svg', site_url: siteUrl() });
    expect(existsSync(path.join(DIST, 'favicon.svg'))).toBe(true);
    expect(
      field('lessons', 'topic')
        .options!.map((o) => o.value)
        .sort(),
    ).toEqual(ids('topics'));
    expect(
      field('lessons', 'places')
        .options!.map((o) => o.value)
        .sort(),
    ).toEqual(ids('places'));
    expect(
      field('translations', 'lesson')
        .options!.map((o) => o.value)
        .sort(),
    ).toEqual(ids('lessons'));
    expect(field('lessons', 'topic').options!.find((o) => o.value === 'thanh-toan')?.label).toBe(entries.find((e) => e.collection === 'topics' && e.id === 'thanh-toan')?.parsed['name']);
  });

  it('is kept from search engines, the sitemap and every reading page', () => {
    expect(readFileSync(path.join(DIST, 'robots.txt'), 'utf8')).toMatch(/^Disallow: \/admin\/$/m);
    expect(readFileSync(path.join(DIST, 'sitemap-0.xml'), 'utf8')).not.toContain('/admin/');
    const pointing = builtPages().filter((page) => /["'(]\/admin\//.test(readFileSync(page.endsWith('/') ? path.join(DIST, page, 'index.html') : path.join(DIST, page), 'utf8')));
    expect(pointing).toEqual([]);
  });
});

describe('/admin/', () => {
  const admin = path.join(DIST, 'admin');
  const bundle = () => readdirSync(admin).filter((name) => name.startsWith('cms-') && !/\.(br|gz)$/.test(name));

  it('is a page that loads the bundled CMS from this site only, and says what to do without JavaScript', () => {
    const html = readFileSync(path.join(admin, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^\/admin\/cms-[\w-]+\.js$/);
    expect(bundle()).toContain(scripts[0]!.slice(routes.admin().length));
    expect(html).toMatch(/<noscript>.*CONTRIBUTING\.md.*<\/noscript>/);
  });

  it('loads no font from a CDN, and ships no code grammars', () => {
    for (const name of bundle().filter((file) => file.endsWith('.js'))) {
      expect(readFileSync(path.join(admin, name), 'utf8'), name).not.toMatch(/@font-face\s*\{[^}]*https?:\/\//);
    }
    expect(bundle().length).toBeLessThan(80);
  });

  it('is in no reading page, the search index or the service worker', () => {
    const names = bundle();
    const referencing = builtPages().filter((page) => {
      const html = readFileSync(page.endsWith('/') ? path.join(DIST, page, 'index.html') : path.join(DIST, page), 'utf8');
      return names.some((name) => html.includes(name));
    });
    expect(referencing).toEqual([]);
    // The index holds exactly one record per entry (tests/build/search-index.test.ts); and this page
    // is written after the index and has nothing the indexer reads.
    expect(readFileSync(path.join(admin, 'index.html'), 'utf8')).not.toContain('data-pagefind');
    const worker = readFileSync(path.join(DIST, 'sw.js'), 'utf8');
    expect(worker).toContain('"bypass":["/admin/"]');
    expect(names.some((name) => worker.includes(name))).toBe(false);
  });
});
