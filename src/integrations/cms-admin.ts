import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { cacheLine, cacheStore } from '../lib/build-cache/settings.ts';
import { setBuildStep } from '../lib/build-memory.ts';
import { adminBundle, adminIndexHtml, adminMetaPolicy, writeAdmin, type AdminMeta } from '../lib/cms/admin-bundle.ts';
import { routes } from '../lib/routes.ts';
import { contentTypeOf } from '../lib/delivery/static-server.ts';

/**
 * /admin/ (issue 15): Sveltia CMS for editors, written into dist/ after the search index (so it
 * is never indexed) and before the service worker and the precompressed twins. `astro dev`
 * (and `npm run cms`) serves it too, so an editor can work on the files of this folder.
 * /admin/config.yml is an ordinary route (src/pages/admin/config.yml.ts).
 */
export function cmsAdmin(): AstroIntegration {
  return {
    name: 'ban-so:cms-admin',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        let bundle: ReturnType<typeof adminBundle> | undefined;
        server.middlewares.use((request, response, next) => {
          const url = new URL(request.url ?? '/', 'http://localhost');
          if (!url.pathname.startsWith(routes.admin()) || url.pathname.endsWith('/config.yml')) return next();
          bundle ??= adminBundle(process.cwd(), cacheStore<AdminMeta>('cms')).then((made) => {
            logger.info(`Trang soạn bài: ${routes.admin()} (${made.fromCache ? 'lấy từ bộ nhớ đệm' : 'vừa đóng gói'}).`);
            return made;
          });
          bundle
            .then(({ files, entry }) => {
              const name = url.pathname.slice(routes.admin().length);
              if (name === '' || name === 'index.html') {
                response.setHeader('Content-Type', 'text/html; charset=utf-8');
                return void response.end(adminIndexHtml(entry, adminMetaPolicy(process.cwd())));
              }
              const file = files.get(name);
              if (!file) return next();
              response.setHeader('Content-Type', contentTypeOf(name));
              response.end(file);
            })
            .catch(next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        setBuildStep('trang soạn bài');
        const started = Date.now();
        const store = cacheStore<AdminMeta>('cms');
        const result = await writeAdmin(process.cwd(), fileURLToPath(dir), store);
        const pruned = store ? await store.prune(started) : 0;
        logger.info(`Trang soạn bài ${routes.admin()}: ${result.files} tệp, ${(result.bytes / 1024).toFixed(0)} KB, trong ${((Date.now() - started) / 1000).toFixed(1)} s.`);
        logger.info(cacheLine('cms', { made: result.fromCache ? 0 : 1, fromCache: result.fromCache ? 1 : 0, damaged: store?.counts.damaged, pruned }, !!store));
      },
    },
  };
}
