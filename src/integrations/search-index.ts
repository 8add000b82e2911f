import type { AstroIntegration } from 'astro';
import { setBuildStep } from '../lib/build-memory.ts';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { mapLimit } from '../lib/map-limit.ts';
import { searchEntries } from '../lib/search/html.ts';
import { engineFiles, FIXED_ENGINE_FILES, withEngineHints, type PagefindEntry } from '../lib/search/engine.ts';
import { toPosix } from '../lib/posix-path.ts';

/** Pagefind writes UI bundles we do not use (we have our own 3 KB module): keep dist/ lean. */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js'];

/** Pages handed to Pagefind's binary before waiting for its answers (memory, see below). */
const PAGEFIND_BATCH = 50;

/** Pagefind's (unstable) index chunk size; measured in docs/search.md. */
export const INDEX_CHUNK_SIZE = 1000;

/** Builds the Pagefind index of dist/ after Astro writes the pages. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'ban-so:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        setBuildStep('chỉ mục tìm kiếm');
        const started = Date.now();
        const dist = fileURLToPath(dir);
        const files = (await readdir(dist, { recursive: true }))
          .map(String)
          .filter((file) => file.endsWith('.html'))
          .sort();
        // Small index chunks: a first search downloads only the chunks of its words. With
        // the default (larger) chunks a two-word query on 1,000 lessons cost ~25 KB more.
        process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] ??= String(INDEX_CHUNK_SIZE);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        // Files are read in parallel, PAGEFIND_BATCH at a time, and handed to Pagefind in sorted
        // order without waiting for each answer (requests reach its binary in that order, so the
        // index stays the same from build to build). One at a time, 5,000 lessons spent most
        // of this step waiting on the round trips. 50, not 200: with 200 in flight this step
        // raised the build's resident set by about 700 MB at 5,016 lessons (1,164 → 1,854 MB),
        // with 50 by 4 MB, and took 26.1 s instead of 29.9 s (issue 29, docs/performance.md §9).
        const counts: number[] = [];
        for (let start = 0; start < files.length; start += PAGEFIND_BATCH) {
          const batch = files.slice(start, start + PAGEFIND_BATCH);
          const sources = await mapLimit(batch, 16, (file) => readFile(path.join(dist, file), 'utf8'));
          const pending = batch.map((file, i) => {
            const source = sources[i]!;
            const url = `/${toPosix(file)}`.replace(/index\.html$/, '');
            const { html, records } = searchEntries(source, url);
            const calls = [...(html ? [index.addHTMLFile({ url, content: html })] : []), ...records.map((record) => index.addCustomRecord({ ...record, language: 'vi' }))];
            return Promise.all(calls).then((responses) => {
              for (const response of responses) {
                if (response.errors.length) throw new Error(`Pagefind (${file}): ${response.errors.join('; ')}`);
              }
              return responses.length;
            });
          });
          counts.push(...(await Promise.all(pending)));
        }
        const indexed = counts.reduce((a, b) => a + b, 0);
        const written = await index.writeFiles({ outputPath: path.join(dist, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
        await pagefind.close();
        await Promise.all(UNUSED.map((name) => rm(path.join(dist, 'pagefind', name), { force: true })));
        // The search page fetches the engine in the round trip after its HTML (docs/search.md).
        const engine = engineFiles(JSON.parse(await readFile(path.join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as PagefindEntry);
        for (const fixed of FIXED_ENGINE_FILES) {
          if (fixed !== engine.module && fixed !== engine.wasm) throw new Error(`Pagefind: ${fixed} is not what this index uses (${engine.module}, ${engine.wasm}); update FIXED_ENGINE_FILES in src/lib/search/engine.ts`);
        }
        const searchPage = path.join(dist, 'tim-kiem', 'index.html');
        await writeFile(searchPage, withEngineHints(await readFile(searchPage, 'utf8'), engine));
        logger.info(`Chỉ mục tìm kiếm: ${indexed} mục (từ ${files.length} trang HTML) trong ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      },
    },
  };
}
