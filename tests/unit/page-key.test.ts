// Page cache keys for Astro's incremental build (issue 29, src/lib/build-cache/page-key.ts):
// a key changes whenever anything a page shows changes, and only then.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { folderDigest, isArticleFile, pageKey } from '../../src/lib/build-cache/page-key.ts';
import { pageCacheOn } from '../../src/lib/build-cache/settings.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function content(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'ban-so-page-key-'));
  dirs.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('page keys', () => {
  it('are equal for equal data and differ when any field, date or nested value differs', () => {
    const lesson = { title: 'Cài VNeID', updated: new Date('2026-11-10'), topic: { name: 'Định danh điện tử' } };
    expect(pageKey('lesson', lesson)).toBe(pageKey('lesson', structuredClone(lesson)));
    expect(pageKey('lesson', lesson)).not.toBe(pageKey('leaflet', lesson));
    expect(pageKey('lesson', lesson)).not.toBe(pageKey('lesson', { ...lesson, updated: new Date('2026-11-11') }));
    expect(pageKey('lesson', lesson)).not.toBe(pageKey('lesson', { ...lesson, topic: { name: 'Định danh số' } }));
  });

  it('hash a folder by names and bytes, leaving out what the filter refuses', () => {
    const files = { 'topics.yaml': 'a: 1', 'places/xa.yaml': 'name: Tiên Yên', 'lessons/bai.mdx': 'một' };
    const digest = folderDigest(content(files), (file) => !isArticleFile(file));
    expect(folderDigest(content(files), (file) => !isArticleFile(file))).toBe(digest);
    // An article's edit is left to its own pages' keys; anything else changes every key.
    expect(folderDigest(content({ ...files, 'lessons/bai.mdx': 'hai' }), (file) => !isArticleFile(file))).toBe(digest);
    expect(folderDigest(content({ ...files, 'places/xa.yaml': 'name: Tiên Yên mới' }), (file) => !isArticleFile(file))).not.toBe(digest);
    expect(folderDigest(content({ ...files, 'places/xb.yaml': 'name: Tiên Yên' }), (file) => !isArticleFile(file))).not.toBe(digest);
    const { ['places/xa.yaml']: _, ...without } = files;
    expect(folderDigest(content({ ...without, 'places/xb.yaml': 'name: Tiên Yên' }), (file) => !isArticleFile(file))).not.toBe(digest);
    expect(folderDigest(path.join(tmpdir(), 'ban-so-no-such-folder'))).toBe(folderDigest(content({})));
  });

  it('articles are lessons and translations only', () => {
    expect(['lessons/a.mdx', 'translations/a/en.mdx', 'news/a.mdx', 'topics.yaml', 'audio/a.ogg'].filter(isArticleFile)).toEqual(['lessons/a.mdx', 'translations/a/en.mdx']);
  });

  it('the page cache is on unless PAGE_CACHE=0 or BUILD_CACHE=0', () => {
    expect(pageCacheOn({})).toBe(true);
    expect(pageCacheOn({ PAGE_CACHE: '0' })).toBe(false);
    expect(pageCacheOn({ BUILD_CACHE: 'off' })).toBe(false);
    expect(pageCacheOn({ PAGE_CACHE: '1' })).toBe(true);
  });
});
