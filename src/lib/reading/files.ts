import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CollectionSource } from '../../schemas/collections.ts';
import { toPosix } from '../posix-path.ts';

/**
 * THE list of files in a collection folder (issue 23): `npm run check`, the content gate and
 * every loader of the build (src/lib/article/loader.ts for all folder collections) read
 * exactly the files listed here, so no file can be checked by one and published by the other.
 *
 * - `_name`: a draft or template, never read (a `_folder/` keeps its files out too).
 * - `README.md`: notes for editors, never read as an entry (content/translations/README.md).
 * - `.name` (a dot-file or dot-folder) and symbolic links: refused. Astro's glob() would have
 *   read a `.bai.mdx`, and a link could point outside content/.
 * - a picture next to the entries: not an entry, kept for the entries that use it.
 * - any other extension: refused (it would be silently skipped).
 */

export interface ListedFile {
  /** Absolute path. */
  absolutePath: string;
  /** Path relative to the collection folder, with "/" separators (the id comes from it). */
  relative: string;
}

export interface RefusedFile extends ListedFile {
  message: string;
  fix: string;
}

export interface CollectionFiles {
  /** Entries, sorted by path: what the check validates and the build publishes. */
  entries: ListedFile[];
  /** Files that must not be in the folder: the check reports them; the build reads none of them. */
  refused: RefusedFile[];
  /** README.md files: never entries (the check warns if one looks like an entry). */
  readmes: ListedFile[];
}

const PICTURE = /\.(png|jpe?g|webp|avif|gif|svg)$/i;

/** Drafts and templates start with "_" at any level of the path. */
const isDraft = (relative: string) => relative.split('/').some((part) => part.startsWith('_'));

export const isReadme = (name: string) => name.toLowerCase() === 'readme.md';

export async function listCollectionFiles(contentDir: string, source: CollectionSource): Promise<CollectionFiles> {
  const dir = path.join(contentDir, source.path);
  const result: CollectionFiles = { entries: [], refused: [], readmes: [] };
  let found;
  try {
    found = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return result;
  }
  for (const dirent of found) {
    const absolutePath = path.join(dirent.parentPath, dirent.name);
    const relative = toPosix(path.relative(dir, absolutePath));
    const file = { absolutePath, relative };
    if (isDraft(relative)) continue;
    const hidden = relative.split('/').find((part) => part.startsWith('.'));
    if (hidden !== undefined) {
      // Report a hidden folder once, not each file in it.
      if (hidden === dirent.name) {
        result.refused.push({
          ...file,
          message: `"${dirent.name}" là ${dirent.isDirectory() ? 'thư mục' : 'tệp'} ẩn (tên bắt đầu bằng dấu chấm): không được đọc, dễ bị nhầm với một bài thật`,
          fix: 'Đổi tên bỏ dấu chấm ở đầu nếu đây là một mục, đặt "_" ở đầu nếu là bản nháp, hoặc xoá đi.',
        });
      }
      continue;
    }
    if (dirent.isSymbolicLink()) {
      result.refused.push({
        ...file,
        message: 'là một liên kết (symlink) tới nơi khác, không phải tệp thật',
        fix: 'Thay liên kết bằng chính tệp đó (chép tệp vào đây).',
      });
      continue;
    }
    if (!dirent.isFile()) continue;
    if (isReadme(dirent.name)) {
      result.readmes.push(file);
      continue;
    }
    const ext = path.extname(dirent.name).toLowerCase();
    if (source.extensions.includes(ext)) {
      result.entries.push(file);
      continue;
    }
    if (PICTURE.test(dirent.name)) continue;
    result.refused.push({
      ...file,
      message: `tệp "${ext || dirent.name}" không được đọc trong thư mục ${source.path}/`,
      fix: `Đổi đuôi tệp thành ${source.extensions.join(' hoặc ')}, hoặc đặt "_" trước tên tệp nếu là bản nháp.`,
    });
  }
  const byPath = (a: ListedFile, b: ListedFile) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0);
  result.entries.sort(byPath);
  result.refused.sort(byPath);
  return result;
}
