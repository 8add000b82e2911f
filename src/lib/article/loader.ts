import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import type { Loader, LoaderContext } from 'astro/loaders';
import { articleCacheOn } from '../build-cache/settings.ts';
import { checkMdxSafety } from '../content/mdx-safety.ts';
import { BODY_FIELD, formatReport } from '../content/problems.ts';
import { mapLimit } from '../map-limit.ts';
import { idFromPath } from '../slug.ts';
import { ARTICLE_IMAGES_FIELD } from './parts.ts';
import { ARTICLE_RENDER_VERSION, ArticleError, renderArticle, type ArticleImage } from './render.ts';

/**
 * The content loader of the .mdx collections (lessons, translations, news, stories,
 * campaigns): like Astro's glob() loader, one entry per file, but the body is rendered to
 * HTML here (src/lib/article/render.ts) instead of becoming an MDX module the bundler
 * compiles. Unchanged files keep the HTML of the previous build (Astro's data store, by a
 * digest of the file and ARTICLE_RENDER_VERSION), so a rebuild renders only what changed.
 */

const IMAGE_IMPORT_PREFIX = '__ASTRO_IMAGE_';

const toPosix = (file: string) => file.split(path.sep).join('/');

/** Drafts and templates start with "_" (as before, glob's `**\/[^_]*.mdx`). */
const isArticleFile = (relative: string) => relative.endsWith('.mdx') && !path.basename(relative).startsWith('_');

async function articleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => toPosix(path.relative(dir, path.join(entry.parentPath, entry.name))))
    .filter(isArticleFile)
    .sort();
}

export function articles(folder: string): Loader {
  return {
    name: 'ban-so:articles',
    async load({ store, parseData, generateDigest, config, watcher, logger }: LoaderContext) {
      const root = fileURLToPath(config.root);
      const base = path.join(root, folder);
      const idByFile = new Map<string, string>();
      const reuse = articleCacheOn();
      const counts = { made: 0, kept: 0 };

      async function sync(relative: string): Promise<string | undefined> {
        const file = path.join(base, relative);
        const contents = await readFile(file, 'utf8');
        const id = idFromPath(relative);
        const filePath = toPosix(path.relative(root, file));
        idByFile.set(file, id);
        const digest = generateDigest(`${ARTICLE_RENDER_VERSION}\n${contents}`);
        const existing = store.get(id);
        // Unchanged: keep the stored entry (Astro lists its pictures' imports from the store).
        if (reuse && existing?.digest === digest && existing.filePath === filePath) {
          counts.kept++;
          return id;
        }
        // The content check's rules once more (dangerous links, event handlers…), in case the
        // gate did not run (`astro dev`, a file added later): nothing unsafe reaches a page.
        const unsafe = checkMdxSafety(contents);
        if (unsafe.length) {
          const error = new Error(`Bài viết có mã lệnh hoặc thẻ không được phép; tệp không được dựng:\n${formatReport(unsafe.map((issue) => ({ file: filePath, field: BODY_FIELD, ...issue })))}`);
          error.stack = error.message;
          throw error;
        }
        const { frontmatter, content } = parseFrontmatter(contents, { frontmatter: 'remove' });
        const body = content.trim();
        const data = await parseData({ id, data: frontmatter, filePath: file });
        let rendered: { html: string; images: ArticleImage[] };
        try {
          rendered = renderArticle(body);
        } catch (error) {
          if (!(error instanceof ArticleError)) throw error;
          // Lines in the editor's file, frontmatter included (the body was trimmed of its blank lines).
          const offset = contents.slice(0, contents.indexOf(body)).split('\n').length - 1;
          const where = error.line === undefined ? filePath : `${filePath}:${error.line + offset}`;
          throw new Error(`${where} — nội dung — ${error.message}`);
        }
        const images = rendered.images.map((image) => ({ src: `${IMAGE_IMPORT_PREFIX}${image.src}`, alt: image.alt }));
        // set() itself skips an entry whose digest is unchanged: with the cache off, forget it first.
        if (!reuse) store.delete(id);
        counts.made++;
        store.set({
          id,
          data: images.length ? { ...data, [ARTICLE_IMAGES_FIELD]: images } : data,
          body,
          filePath,
          digest,
          rendered: { html: rendered.html },
        });
        return id;
      }

      const untouched = new Set(store.keys());
      for (const id of await mapLimit(await articleFiles(base), 16, sync)) untouched.delete(id!);
      for (const id of untouched) store.delete(id);
      // Read by `npm run bench` like the build cache's lines (src/lib/bench/phases.ts).
      if (counts.made + counts.kept) logger.info(`bài viết (${folder}): ${counts.made} tệp làm mới, ${counts.kept} lấy từ bộ nhớ đệm`);

      if (!watcher) return;
      // `astro dev` and `npm run cms`: an edited, added or deleted article shows at once.
      watcher.add(base);
      const inFolder = (file: string) => {
        const relative = toPosix(path.relative(base, file));
        return !relative.startsWith('..') && isArticleFile(relative) ? relative : undefined;
      };
      const onChange = async (file: string) => {
        const relative = inFolder(file);
        if (!relative) return;
        const before = idByFile.get(file);
        try {
          const id = await sync(relative);
          if (before && before !== id) store.delete(before);
          logger.info(`Đã đọc lại ${folder}/${relative}`);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // The page keeps its last good version until the file is fixed.
          logger.error(message.startsWith(`${folder}/${relative}`) ? message : `Không đọc được ${folder}/${relative}: ${message}`);
        }
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (file: string) => {
        const id = inFolder(file) && idByFile.get(file);
        if (!id) return;
        store.delete(id);
        idByFile.delete(file);
      });
    },
  };
}
