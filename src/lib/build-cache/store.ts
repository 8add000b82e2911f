/**
 * One folder of cached derived files for one kind (PDFs, link previews, precompressed twins),
 * stored by a hash of what they are made from. An entry is its files `<key>.<name>` and a
 * manifest `<key>.json`, written last, that names each file's size and sha256: an entry whose
 * files do not match (truncated, edited, half-written) is deleted and made again, never served.
 * Every build touches the manifests it uses, so prune() can delete what it did not use and the
 * cache never outgrows one build.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimit } from '../map-limit.ts';

/** File operations at once when a folder of thousands of entries is scanned or pruned. */
const FILE_OPS = 32;

export type Meta = Record<string, unknown>;

export interface CacheEntry<M extends Meta = Meta> {
  files: Map<string, Buffer>;
  meta: M;
}

interface Manifest<M extends Meta> {
  version: 1;
  /** When the entry was made (ms since the epoch): summary() tells made from reused by it. */
  created: number;
  files: Record<string, { size: number; sha256: string }>;
  meta: M;
}

export interface CacheCounts {
  /** Entries this process made (a miss, then put()). */
  made: number;
  /** Entries served from the cache. */
  fromCache: number;
  /** Entries found damaged, deleted and made again. */
  damaged: number;
}

const KEY = /^[0-9a-f]{16,64}$/;
const NAME = /^[a-z0-9-]+(\.[a-z0-9]+)?$/;

/** sha256 (hex) of the parts, each length-prefixed so ["ab","c"] and ["a","bc"] differ. */
export function hashParts(parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    hash.update(`${bytes.length}:`).update(bytes);
  }
  return hash.digest('hex');
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Write through a temporary name and rename: a crash never leaves a half-written file under the real name. */
async function writeAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
}

export class CacheStore<M extends Meta = Meta> {
  readonly counts: CacheCounts = { made: 0, fromCache: 0, damaged: 0 };

  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  private file(key: string, name: string): string {
    if (!KEY.test(key)) throw new Error(`build cache: bad key "${key}"`);
    if (!NAME.test(name) || name === 'json') throw new Error(`build cache: bad file name "${name}"`);
    return path.join(this.dir, `${key}.${name}`);
  }

  private manifestFile(key: string): string {
    if (!KEY.test(key)) throw new Error(`build cache: bad key "${key}"`);
    return path.join(this.dir, `${key}.json`);
  }

  /** Where a file of an entry lies (for a build step that copies it instead of holding it in memory). */
  pathOf(key: string, name: string): string {
    return this.file(key, name);
  }

  /** The entry for `key` with every file checked against its manifest, or undefined (a miss). */
  async get(key: string): Promise<CacheEntry<M> | undefined> {
    const manifestFile = this.manifestFile(key);
    let manifest: Manifest<M>;
    try {
      manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest<M>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return this.damaged(key);
    }
    if (manifest?.version !== 1 || typeof manifest.files !== 'object') return this.damaged(key);
    const files = new Map<string, Buffer>();
    for (const [name, expected] of Object.entries(manifest.files)) {
      const bytes = await readFile(this.file(key, name)).catch(() => undefined);
      if (!bytes || bytes.length !== expected.size || sha256(bytes) !== expected.sha256) return this.damaged(key);
      files.set(name, bytes);
    }
    const now = new Date();
    await utimes(manifestFile, now, now).catch(() => {});
    this.counts.fromCache += 1;
    return { files, meta: manifest.meta };
  }

  /** Store an entry: the files first, the manifest last (an entry without one is never served). */
  async put(key: string, files: Record<string, Uint8Array>, meta: M): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const manifest: Manifest<M> = { version: 1, created: Date.now(), files: {}, meta };
    for (const [name, bytes] of Object.entries(files)) {
      await writeAtomic(this.file(key, name), bytes);
      manifest.files[name] = { size: bytes.length, sha256: sha256(bytes) };
    }
    await writeAtomic(this.manifestFile(key), JSON.stringify(manifest));
    this.counts.made += 1;
  }

  /** Remove every file of an entry. */
  async delete(key: string): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(names.filter((name) => name.startsWith(`${key}.`)).map((name) => rm(path.join(this.dir, name), { force: true })));
  }

  private async damaged(key: string): Promise<undefined> {
    this.counts.damaged += 1;
    await this.delete(key);
    return undefined;
  }

  /**
   * Delete every entry whose manifest was neither written nor read since `since` (ms), and
   * any file without a manifest. Returns how many entries (or stray files) went.
   */
  async prune(since: number): Promise<number> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const keep = new Set<string>();
    await mapLimit(
      names.filter((n) => n.endsWith('.json')),
      FILE_OPS,
      async (name) => {
        const modified = await stat(path.join(this.dir, name)).then(
          (s) => s.mtimeMs,
          () => 0,
        );
        if (modified >= since) keep.add(name.slice(0, -'.json'.length));
      },
    );
    const stale = names.filter((name) => !keep.has(name.split('.')[0]!));
    await mapLimit(stale, FILE_OPS, (name) => rm(path.join(this.dir, name), { force: true }));
    return new Set(stale.map((name) => name.split('.')[0])).size;
  }

  /**
   * Made and reused entries since `since`, read from the manifests on disk: for a kind whose
   * entries are made in another module instance (link previews are drawn by a page route).
   */
  async summary(since: number): Promise<{ made: number; fromCache: number }> {
    const names = (await readdir(this.dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
    let made = 0;
    let fromCache = 0;
    await mapLimit(names, FILE_OPS, async (name) => {
      const file = path.join(this.dir, name);
      const modified = await stat(file).then(
        (s) => s.mtimeMs,
        () => 0,
      );
      if (modified < since) return;
      const created = await readFile(file, 'utf8').then(
        (text) => (JSON.parse(text) as Manifest<M>).created,
        () => 0,
      );
      if (created >= since) made += 1;
      else fromCache += 1;
    });
    return { made, fromCache };
  }
}
