/**
 * Cache keys of rendered pages (issue 29): Astro's `experimental.incrementalBuild` copies a
 * page from its last build instead of rendering it when the page's `cacheKey` from
 * getStaticPaths() and the hash of its code are both unchanged. Astro hashes the code; the key
 * must cover every piece of data the page shows. A key too narrow leaves a stale page, so keys
 * are made from the data handed to the page plus everything shared (settings, the build's day
 * and every content file that is not an article: topics, places, glossary, pictures, sounds).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** sha-256 of the parts as JSON (Dates become ISO strings, undefined fields drop out). */
export function pageKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * sha-256 of the names and bytes of every file under `root` (sorted) for which `include(path
 * relative to root, with "/")` is true. A missing folder hashes as empty.
 */
export function folderDigest(root: string, include: (relative: string) => boolean = () => true): string {
  const hash = createHash('sha256');
  let files: string[] = [];
  try {
    files = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .filter(include)
      .sort();
  } catch {
    // No folder: nothing to hash.
  }
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Articles: each page's key carries its own article's data, so they are left out of the shared digest. */
export function isArticleFile(relative: string): boolean {
  return /^(lessons|translations)\//.test(relative);
}
