import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { COLLECTIONS, type CollectionSource } from '../../schemas/collections.ts';
import type { CollectionName } from '../../schemas/helpers.ts';
import { articleCacheOn } from '../build-cache/settings.ts';
import { listCollectionFiles } from '../reading/files.ts';
import { checkMdxSafety } from '../reading/mdx-safety.ts';
import { BODY_FIELD, WHOLE_FILE, formatProblem, formatReport } from '../problems.ts';
import { decodeSource, splitFrontmatter } from '../reading/source-file.ts';
import { imageOutsideContent } from '../reading/urls.ts';
import { parseYamlData, parseYamlWithLines } from '../reading/yaml.ts';
import { writtenBuildField } from '../reading/build-fields.ts';
import { mapLimit } from '../map-limit.ts';
import { idFromPath } from '../slug.ts';
import { ARTICLE_IMAGES_FIELD } from './parts.ts';
import { ARTICLE_RENDER_VERSION, ArticleError, renderArticle, type RenderedArticle } from './render.ts';
import { bodyFacts } from './steps.ts';
import { toPosix } from '../posix-path.ts';

/**
 * The content loader of every folder collection (issue 23): articles (.mdx: lessons,
 * translations, news, stories, campaigns), the glossary (.md) and places (.yaml). It reads
 * exactly what `npm run check` reads, the same way:
 *
 * - the files of src/lib/reading/files.ts (listCollectionFiles: drafts, README.md, dot-files,
 *   symlinks handled as the check handles them);
 * - decoded, split and parsed by src/lib/reading/source-file.ts and yaml.ts (one frontmatter
 *   split, one set of YAML settings);
 * - the body rendered to HTML here (src/lib/article/render.ts, which refuses any URL the rules of
 *   src/lib/reading/urls.ts refuse), instead of becoming an MDX module the bundler compiles.
 *
 * The body's pictures reach Astro through the collection's schema: the loader puts them in the
 * entry's data (ARTICLE_IMAGES_FIELD, typed with the schema's image()) before parseData, so
 * Astro resolves each path against the entry's file as it does a cover's. Its headings go to
 * `rendered.metadata.headings`, as Astro's Markdown gives them, with the reading minutes and the
 * <Steps> items (steps.ts); the body itself is not stored.
 *
 * Unchanged files keep the HTML of the previous build (Astro's data store, by a digest of the
 * file, ARTICLE_RENDER_VERSION and the schemas' source), so a rebuild renders only what changed.
 */

/**
 * The text of src/schemas/*.ts. Astro keeps a stored entry's parsed data across builds and does
 * not notice when a schema imported by content.config.ts changes, so an entry parsed before a
 * field was added kept its old shape (a place without `unverifiedSuccessors` crashed the build
 * after a pull). With the schemas in the digest, a schema change parses every entry again.
 * (Astro's file() loader, for topics, metrics and indicators, parses its file on every build.)
 */
export function schemaSource(root: string): string {
  const dir = path.join(root, 'src', 'schemas');
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => `${name}\n${readFileSync(path.join(dir, name), 'utf8')}`)
    .join('\n');
}

/** A file the build cannot read: the same line as the check's (which reported it first). */
function refusal(file: string, line: number | undefined, field: string, message: string, fix: string): Error {
  const error = new Error(formatProblem({ file, line, field, message, fix }));
  error.stack = error.message;
  return error;
}

/** The loader of a folder collection named by its folder ("content/lessons"). */
export function articles(folder: string): Loader {
  const name = folder.replace(/^content\//, '');
  const source = COLLECTIONS.find((c) => c.layout === 'folder' && c.path === name) ?? { name: name as CollectionName, layout: 'folder', path: name, extensions: ['.mdx'], schema: () => undefined as never };
  return folderLoader(source);
}

/** The loader of a folder collection of src/schemas/collections.ts. */
export function contentFolder(collection: CollectionName): Loader {
  const source = COLLECTIONS.find((c) => c.name === collection && c.layout === 'folder');
  if (!source) throw new Error(`${collection} is not a folder collection`);
  return folderLoader(source);
}

function folderLoader(source: CollectionSource): Loader {
  const folder = `content/${source.path}`;
  return {
    name: 'ban-so:articles',
    async load({ store, parseData, generateDigest, config, watcher, logger }: LoaderContext) {
      const root = fileURLToPath(config.root);
      const contentDir = path.join(root, 'content');
      const base = path.join(contentDir, source.path);
      const idByFile = new Map<string, string>();
      const reuse = articleCacheOn();
      const counts = { made: 0, kept: 0 };
      const schemas = generateDigest(schemaSource(root));

      async function sync(relative: string): Promise<string | undefined> {
        const file = path.join(base, relative);
        const filePath = toPosix(path.relative(root, file));
        const decoded = decodeSource(filePath, await readFile(file));
        if (decoded.notUtf8) throw refusal(filePath, undefined, WHOLE_FILE, 'tệp không phải UTF-8', 'Chạy "npm run check" để xem cách sửa.');
        const contents = decoded.text;
        const id = idFromPath(relative);
        idByFile.set(file, id);
        const digest = generateDigest(`${ARTICLE_RENDER_VERSION}\n${schemas}\n${contents}`);
        const existing = store.get(id);
        // Unchanged: keep the stored entry (Astro lists its pictures' imports from the store).
        if (reuse && existing?.digest === digest && existing.filePath === filePath) {
          counts.kept++;
          return id;
        }
        if (!reuse) store.delete(id);
        counts.made++;
        const ext = path.extname(relative).toLowerCase();
        if (ext === '.yaml' || ext === '.yml') {
          const data = await parseData({ id, data: parseYamlData(contents, filePath) as Record<string, unknown>, filePath: file });
          store.set({ id, data, filePath, digest });
          return id;
        }
        const split = splitFrontmatter(contents);
        if (split.problem) throw refusal(filePath, split.problem.line, WHOLE_FILE, split.problem.message, split.problem.fix);
        if (split.frontmatter === undefined) throw refusal(filePath, 1, WHOLE_FILE, 'thiếu phần thông tin đầu bài (frontmatter) giữa hai dòng ---', 'Chạy "npm run check" để xem cách sửa.');
        const format = ext === '.md' ? 'md' : 'mdx';
        const offset = split.bodyLine - 1;
        // The content check's rules once more (dangerous links, event handlers…), in case the
        // gate did not run (`astro dev`, a file added later): nothing unsafe reaches a page.
        const unsafe = checkMdxSafety(split.body, offset, format);
        if (unsafe.length) {
          const error = new Error(`Bài viết có mã lệnh hoặc thẻ không được phép; tệp không được dựng:\n${formatReport(unsafe.map((issue) => ({ file: filePath, field: BODY_FIELD, ...issue })))}`);
          error.stack = error.message;
          throw error;
        }
        const frontmatter = (parseYamlData(split.frontmatter, filePath, split.frontmatterLine - 1) ?? {}) as Record<string, unknown>;
        // The glossary page has no picture pipeline: a picture there is refused, and its schema
        // has no field for pictures.
        const images = source.name !== 'glossary';
        const written = images ? writtenBuildField(frontmatter) : undefined;
        if (written) {
          const line = parseYamlWithLines(split.frontmatter).lineOf([written.field]);
          throw refusal(filePath, line === undefined ? undefined : line + split.frontmatterLine - 1, written.field, written.message, written.fix);
        }
        let rendered: RenderedArticle;
        try {
          rendered = renderArticle(split.body, { format, images });
        } catch (error) {
          if (!(error instanceof ArticleError)) throw error;
          throw refusal(filePath, error.line === undefined ? undefined : error.line + offset, BODY_FIELD, error.message.replace(/\.$/, ''), error.fix ?? 'Chạy "npm run check" để xem cách sửa.');
        }
        for (const image of rendered.images) {
          const outside = imageOutsideContent(file, image.src, contentDir);
          if (outside) throw refusal(filePath, undefined, BODY_FIELD, outside.message, outside.fix);
        }
        // The schema's image() turns each src into the picture Astro resolves from this file.
        const withImages = rendered.images.length ? { ...frontmatter, [ARTICLE_IMAGES_FIELD]: rendered.images.map(({ src, alt }) => ({ src, alt })) } : frontmatter;
        const data = await parseData({ id, data: withImages, filePath: file });
        // No `body`: the pages need only its HTML and these facts, and Astro bundles its whole data
        // store into the build, so every stored body was build memory twice over (issue 29).
        store.set({
          id,
          data,
          filePath,
          digest,
          rendered: { html: rendered.html, metadata: { headings: rendered.headings, ...bodyFacts(split.body) } },
        });
        return id;
      }

      const listed = await listCollectionFiles(contentDir, source);
      // The check reports these (and stops the build first): here they are only never read.
      for (const file of listed.refused) logger.warn(`${folder}/${file.relative} — không được đọc: ${file.message}`);
      const untouched = new Set(store.keys());
      for (const id of await mapLimit(
        listed.entries.map((file) => file.relative),
        16,
        sync,
      ))
        untouched.delete(id!);
      for (const id of untouched) store.delete(id);
      // Read by `npm run bench` like the build cache's lines (src/lib/bench/phases.ts).
      if (counts.made + counts.kept) logger.info(`bài viết (${folder}): ${counts.made} tệp làm mới, ${counts.kept} lấy từ bộ nhớ đệm`);

      if (!watcher) return;
      // `astro dev` and `npm run cms`: an edited, added or deleted file shows at once.
      watcher.add(base);
      const inFolder = async (file: string) => {
        const relative = toPosix(path.relative(base, file));
        if (relative.startsWith('..')) return undefined;
        const again = await listCollectionFiles(contentDir, source);
        return again.entries.some((entry) => entry.relative === relative) ? relative : undefined;
      };
      const onChange = async (file: string) => {
        const relative = await inFolder(file);
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
        const id = idByFile.get(file);
        if (!id) return;
        store.delete(id);
        idByFile.delete(file);
      });
    },
  };
}
