import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { setBuildStep } from '../lib/build-memory.ts';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OFFLINE_PATH, PAGES_CACHE_PREFIX, SAVED_CACHE_PREFIX, SERVICE_WORKER_PATH } from '../lib/offline-paths.ts';
import { mapLimit } from '../lib/map-limit.ts';
import { routes } from '../lib/routes.ts';
import { buildVersion, referencedAssets, serviceWorkerSource } from '../lib/delivery/service-worker.ts';
import { toPosix } from '../lib/posix-path.ts';

const TEMPLATE = new URL('../scripts/sw.js', import.meta.url);
const HELPERS = new URL('../scripts/sw-paths.js', import.meta.url);

/**
 * Writes /sw.js (docs/performance.md): the hand-written worker with this build's version (a hash
 * of every page and asset name) and the offline page's files to save at install. Runs after the
 * pages are final and before precompression.
 */
export function serviceWorker(): AstroIntegration {
  return {
    name: 'ban-so:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        setBuildStep('service worker');
        const dist = fileURLToPath(dir);
        const files = (await readdir(dist, { recursive: true })).map(String);
        // /admin/ is the CMS, not a reading page: it never enters the version or the caches.
        const pages = files.filter((file) => file.endsWith('.html') && !`/${toPosix(file)}`.startsWith(routes.admin()));
        const hashed = files.filter((file) => file.startsWith(`_astro${path.sep}`)).map((file) => ({ path: file, content: '' }));
        // Each page stands in the version by its own sha-256: reading 20,000 pages of 5,000 lessons
        // and keeping them all until the end held ~300 MB that the process never gave back.
        const read = await mapLimit(pages, 16, async (file) => ({
          path: file,
          content: createHash('sha256')
            .update(await readFile(path.join(dist, file)))
            .digest('hex'),
        }));
        const offlineHtml = await readFile(path.join(dist, OFFLINE_PATH, 'index.html'), 'utf8');
        const template = await readFile(TEMPLATE, 'utf8');
        const helpers = await readFile(HELPERS, 'utf8');
        const config = {
          version: buildVersion([...read, ...hashed, { path: 'sw.js', content: helpers + template }]),
          offline: OFFLINE_PATH,
          pagesPrefix: PAGES_CACHE_PREFIX,
          savedPrefix: SAVED_CACHE_PREFIX,
          precache: referencedAssets(offlineHtml),
          bypass: [routes.admin()],
        };
        await writeFile(path.join(dist, SERVICE_WORKER_PATH), serviceWorkerSource(config, template, helpers));
        logger.info(`Service worker: ${SERVICE_WORKER_PATH}, phiên bản ${config.version}, lưu sẵn ${config.precache.length + 1} tệp.`);
      },
    },
  };
}
